// cjb diagram through the binary: exit codes, formats, messages.

#include <filesystem>

#include <gtest/gtest.h>

#include "support.h"

namespace cjb::test {
namespace {

const std::string kMini = "tests/data/mini-assessment.xml";
const std::vector<std::string> kData = {"--data-dir", "tests/data/mini"};

std::vector<std::string> args(std::vector<std::string> list) {
  list.insert(list.end(), kData.begin(), kData.end());
  return list;
}

TEST(CliDiagram, WritesSvgByExtension) {
  std::string out = temp_dir("cli-diagram-svg") + "/journey.svg";
  RunResult r = run_cjb(args({"diagram", kMini, "-o", out}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out, "");
  std::string svg = read_text(out);
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("Mini &amp; Co"), std::string::npos);
}

TEST(CliDiagram, SameInputSameBytes) {
  std::string dir = temp_dir("cli-diagram-same");
  ASSERT_EQ(run_cjb(args({"diagram", kMini, "-o", dir + "/a.svg"})).exit_code, 0);
  ASSERT_EQ(run_cjb(args({"diagram", kMini, "-o", dir + "/b.svg"})).exit_code, 0);
  EXPECT_EQ(read_text(dir + "/a.svg"), read_text(dir + "/b.svg"));
}

TEST(CliDiagram, DotToStdoutGolden) {
  RunResult r = run_cjb(args({"diagram", kMini, "--format", "dot"}));
  EXPECT_EQ(r.out.rfind("digraph journey {", 0), 0u);
  expect_golden(r, "diagram/mini.dot");
}

TEST(CliDiagram, PngAndPdfByExtension) {
  std::string dir = temp_dir("cli-diagram-binary");
  RunResult png = run_cjb(args({"diagram", kMini, "-o", dir + "/journey.png", "--drivers"}));
  EXPECT_EQ(png.exit_code, 0) << png.err;
  EXPECT_EQ(read_text(dir + "/journey.png").substr(1, 3), "PNG");
  RunResult pdf = run_cjb(args({"diagram", kMini, "-o", dir + "/journey.pdf"}));
  EXPECT_EQ(pdf.exit_code, 0) << pdf.err;
  EXPECT_EQ(read_text(dir + "/journey.pdf").substr(0, 5), "%PDF-");
}

TEST(CliDiagram, PdfIsReproducibleWithSourceDateEpoch) {
  std::string dir = temp_dir("cli-diagram-epoch");
  for (const char* name : {"/a.pdf", "/b.pdf"}) {
    RunResult r = run_cjb(args({"diagram", kMini, "-o", dir + name}), "", {"SOURCE_DATE_EPOCH=1767225600"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  std::string pdf = read_text(dir + "/a.pdf");
  EXPECT_EQ(pdf, read_text(dir + "/b.pdf"));
  EXPECT_NE(pdf.find("/CreationDate (D:20260101000000Z)"), std::string::npos);
  RunResult bad = run_cjb(args({"diagram", kMini, "-o", dir + "/c.pdf"}), "", {"SOURCE_DATE_EPOCH=soon"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("SOURCE_DATE_EPOCH='soon' is not a number of seconds"), std::string::npos) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/c.pdf"));
}

TEST(CliDiagram, BlankMapOfAProfile) {
  RunResult r = run_cjb(args({"diagram", "--blank", "--profile", "mini-store", "-f", "dot"}));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"research@physical\""), std::string::npos);
  EXPECT_EQ(r.out.find("@online"), std::string::npos);
  RunResult all = run_cjb(args({"diagram", "--blank", "-f", "dot"}));
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("\"research@online\""), std::string::npos);
}

TEST(CliDiagram, UnknownFormatIsBadUsage) {
  RunResult r = run_cjb(args({"diagram", kMini, "--format", "jpeg"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "cjb diagram: --format 'jpeg' is not known (expected svg, pdf, png or dot)\n");
}

TEST(CliDiagram, UnknownExtensionIsBadUsage) {
  std::string out = temp_dir("cli-diagram-ext") + "/journey.txt";
  RunResult r = run_cjb(args({"diagram", kMini, "-o", out}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "cjb diagram: -o " + out + ": the extension '.txt' is not a diagram format (expected .svg, .pdf, .png, .dot or .gv, "
                   "or --format to write that file anyway)\n");
  EXPECT_FALSE(std::filesystem::exists(out));
  std::string bare = temp_dir("cli-diagram-ext") + "/journey";
  EXPECT_EQ(run_cjb(args({"diagram", kMini, "-o", bare})).err,
            "cjb diagram: -o " + bare + ": the name has no extension to tell the format by (expected .svg, .pdf, .png, .dot or .gv, or --format)\n");
}

TEST(CliDiagram, MissingFileIsBadInput) {
  RunResult r = run_cjb(args({"diagram", "no/such/file.xml", "-f", "dot"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no/such/file.xml"), std::string::npos) << r.err;
}

TEST(CliDiagram, ArgumentsThatDoNotGoTogether) {
  EXPECT_EQ(run_cjb(args({"diagram", kMini, "--blank"})).exit_code, 2);
  EXPECT_EQ(run_cjb(args({"diagram"})).exit_code, 2);
  EXPECT_EQ(run_cjb(args({"diagram", kMini, "--profile", "mini-store"})).exit_code, 2);
  RunResult r = run_cjb(args({"diagram", "--blank", "--profile", "nope"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown profile 'nope' (expected one of: "), std::string::npos) << r.err;
}

TEST(CliDiagram, HelpHasAnExample) {
  RunResult r = run_cjb({"diagram", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("cjb diagram examples/"), std::string::npos);
  EXPECT_NE(r.out.find("--drivers"), std::string::npos);
}

}  // namespace
}  // namespace cjb::test
