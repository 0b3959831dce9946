// Issue 14 through the binary: formulas in benchmark CSV, non-regular files, validate's exit
// codes, a huge note in a PDF, and saves that keep permissions and symlinks.

#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>

#include <gtest/gtest.h>

#include "child_process.h"
#include "support.h"

namespace cjb::test {
namespace {

namespace fs = std::filesystem;

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string mini() { return read_text(source_path("tests/data/mini-assessment.xml")); }

class Hardening : public ::testing::Test {
 protected:
  std::string dir = temp_dir(std::string("hardening-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
};

TEST_F(Hardening, BenchmarkCsvDefusesFormulas) {
  std::string text = replace_once(mini(), "retailer=\"Mini &amp; Co\"", "retailer=\"=HYPERLINK(&quot;http://x.example&quot;)\"");
  text = replace_once(text, "site=\"High Street &lt;1&gt;\"", "site=\"=cmd|' /C calc'!A0\"");
  text = replace_once(text, "region=\"North\"", "region=\"@SUM(A1)\"");
  text = replace_once(text, "sector=\"fashion\"", "sector=\"+1\"");
  write_text(dir + "/a/one.xml", text);
  RunResult r = run_cjb({"benchmark", dir + "/a", "--data-dir", "tests/data/mini", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(",\"'=HYPERLINK(\"\"http://x.example\"\")\",'=cmd|' /C calc'!A0,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",'+1,'@SUM(A1),store,"), std::string::npos) << r.out;
  // By region too: the key is user text.
  RunResult by = run_cjb({"benchmark", dir + "/a", "--data-dir", "tests/data/mini", "--format", "csv", "--by", "region"});
  ASSERT_EQ(by.exit_code, 0) << by.err;
  EXPECT_NE(by.out.find("\n'@SUM(A1),"), std::string::npos) << by.out;
}

TEST_F(Hardening, BenchmarkReportsNonRegularFilesInsteadOfSkippingThem) {
  write_text(dir + "/a/good.xml", mini());
  ASSERT_EQ(::mkfifo((dir + "/a/fifo.xml").c_str(), 0600), 0);
  fs::create_directories(dir + "/a/folder.xml");
  fs::create_symlink("/dev/zero", dir + "/a/zero.xml");
  Child child = start_cjb_piped({"benchmark", dir + "/a", "--data-dir", "tests/data/mini"}, true);
  std::string out;
  bool ended = read_until(child, out, "files left out\n");
  if (!ended) ::kill(child.pid, SIGKILL);
  read_rest(child, out);
  EXPECT_TRUE(ended) << "benchmark blocked on the FIFO:\n" << out;
  EXPECT_EQ(finish(child), 1);
  EXPECT_NE(out.find(dir + "/a/fifo.xml: error: is a FIFO (named pipe) (expected a regular file)"), std::string::npos) << out;
  EXPECT_NE(out.find(dir + "/a/folder.xml: error: is a directory (expected a file)"), std::string::npos) << out;
  EXPECT_NE(out.find(dir + "/a/zero.xml: error: is a character device (expected a regular file)"), std::string::npos) << out;
  EXPECT_NE(out.find("cjb: 3 of 4 files left out"), std::string::npos) << out;
}

TEST_F(Hardening, ValidateRefusesAFifoWithoutBlocking) {
  std::string fifo = dir + "/f.xml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Child child = start_cjb_piped({"validate", "-q", "--data-dir", "tests/data/mini", fifo}, true);
  std::string out;
  bool ended = read_until(child, out, "problem found\n");
  if (!ended) ::kill(child.pid, SIGKILL);
  read_rest(child, out);
  EXPECT_TRUE(ended) << "validate blocked on the FIFO";
  EXPECT_EQ(finish(child), 2);
  EXPECT_EQ(out, fifo + ": error: is a FIFO (named pipe) (expected a regular file)\ncjb: 1 problem found\n");
}

// Defect 13: a file that cannot be read is bad input (2) whatever the reason, as a file over the
// size limit is. /proc/self/mem is a regular file whose first byte cannot be read (EIO), even by
// root, who can read a file of mode 000.
TEST_F(Hardening, ValidateExitCodeIs2ForEveryUnreadableFile) {
  RunResult r = run_cjb({"validate", "-q", "--data-dir", "tests/data/mini", "/proc/self/mem"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "/proc/self/mem: error: cannot read: Input/output error (expected a readable file)\ncjb: 1 problem found\n");
}

// Defect 8: a 15 MiB one-word note. The cost of laying it out is bounded by
// render::pdf::laid_out_text (unit-tested); here the whole command works on it.
TEST_F(Hardening, ReportPdfWithA15MiBOneWordNote) {
  std::string text = replace_once(mini(), "<note>Not relevant here.</note>", "<note>" + std::string(15 * 1024 * 1024, 'x') + "</note>");
  write_text(dir + "/big.xml", text);
  RunResult r = run_cjb({"report", dir + "/big.xml", "--data-dir", "tests/data/mini", "-o", dir + "/big.pdf"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_LT(fs::file_size(dir + "/big.pdf"), 2u * 1024 * 1024);
}

// Defect 5: a report over a 0600 file stays 0600; an -o symlink stays a link to the new report.
TEST_F(Hardening, ReportOutputKeepsPermissionsAndSymlinks) {
  std::string out = dir + "/r.md";
  write_text(out, "old");
  ASSERT_EQ(::chmod(out.c_str(), 0600), 0);
  RunResult r = run_cjb({"report", "tests/data/mini-assessment.xml", "--data-dir", "tests/data/mini", "-f", "md", "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(fs::status(out).permissions() & fs::perms::mask, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_NE(read_text(out), "old");

  fs::create_symlink("r.md", dir + "/link.md");
  r = run_cjb({"report", "tests/data/mini-assessment.xml", "--data-dir", "tests/data/mini", "-f", "md", "-o", dir + "/link.md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir + "/link.md"));
  EXPECT_EQ(read_text(out), read_text(dir + "/link.md"));
  EXPECT_EQ(fs::status(out).permissions() & fs::perms::mask, fs::perms::owner_read | fs::perms::owner_write);
}

}  // namespace
}  // namespace cjb::test
