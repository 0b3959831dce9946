// cjb assess: the guided self-assessment. The session logic is cli/assess_session.h; this file
// opens or creates the assessment file, reads lines (cli/line_input.h), and saves the file
// after every change, before the change is acknowledged on screen.

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "cli/assess_session.h"
#include "cli/commands.h"
#include "cli/data.h"
#include "cli/findings.h"
#include "cli/line_input.h"
#include "cli/output.h"
#include "cli/today.h"
#include "core/blank_assessment.h"
#include "util/files.h"
#include "util/text.h"
#include "pipeline/scored_assessment.h"
#include "xml/files.h"
#include "xml/source.h"

namespace cjb::cli {

namespace fs = std::filesystem;

namespace {

// What tells one version of a file from another: a program that saves it atomically makes a
// new inode, one that writes in place changes the time or the size.
struct FileStamp {
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  timespec modified{};
  bool operator==(const FileStamp& o) const {
    return device == o.device && inode == o.inode && size == o.size && modified.tv_sec == o.modified.tv_sec &&
           modified.tv_nsec == o.modified.tv_nsec;
  }
};

std::optional<FileStamp> stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{st.st_dev, st.st_ino, st.st_size, st.st_mtim};
}

class AssessCommand : public Command {
 public:
  AssessCommand()
      : Command({"assess",
                 "guided self-assessment: answer item by item, stop and resume, get a score and a plan",
                 "cjb assess -o FILE [--profile P] [--channels physical,online] [--retailer NAME --site NAME]\n       cjb assess FILE",
                 "  cjb assess -o my-shop.xml --profile small-independent --retailer 'Rose & Co' --site 'High Street'\n"
                 "  cjb assess my-shop.xml                      # resume at the first unanswered item\n"
                 "  printf '3\\n2\\nn\\nq\\n' | cjb assess -o a.xml --profile small-independent   # scripted",
                 true}) {}

  void declare(po::options_description& options, po::positional_options_description& positional) override {
    options.add_options()
        ("file", po::value<std::string>(&resume_)->value_name("FILE"), "an assessment to resume")
        ("output,o", po::value<std::string>(&output_)->value_name("FILE"),
         "start a new assessment in FILE (an existing assessment of the same scope is resumed, never overwritten)")
        ("profile", po::value<std::string>(&profile_)->value_name("P"),
         "the profile that tailors the checklists (default: every standard checklist)")
        ("channels", po::value<std::string>(&channels_)->value_name("LIST"),
         "journey channels in scope, e.g. physical,online (default: the profile's, else every channel)")
        ("retailer", po::value<std::string>(&retailer_)->value_name("NAME"), "the retailer's name (default: My shop)")
        ("site", po::value<std::string>(&site_)->value_name("NAME"),
         "the store or web shop assessed (default: Store, Web shop, or Store and web shop)");
    positional.add("file", 1);
  }

  void validate() override {
    if (resume_.empty() == output_.empty())
      throw UsageError(resume_.empty() ? "assess: expected -o FILE to start an assessment or FILE to resume one (see 'cjb assess --help')"
                                       : "assess: give either -o FILE (start) or FILE (resume), not both (see 'cjb assess --help')");
    if (clean_user_text(retailer_.empty() ? "My shop" : retailer_).empty() || (!site_.empty() && clean_user_text(site_).empty()))
      throw UsageError("assess: --retailer and --site need a name (expected text such as --retailer 'Rose & Co')");
  }

  int run(Context& context) override {
    const std::string path = resume_.empty() ? output_ : resume_;
    Catalog catalog = load_catalog(data_dir_option());

    std::error_code ec;
    const bool exists = fs::exists(path, ec) || fs::is_symlink(path, ec);
    if (!exists && !resume_.empty())
      throw ProgramError(fmt::format("{}: no such file (expected an assessment to resume; start one with cjb assess -o {})",
                              path, shell_quote(path)));

    Assessment assessment;
    Instrument instrument;
    if (exists) {
      open_existing(catalog, path, assessment, instrument);
      if (!output_.empty() && !quiet())
        context.err << fmt::format("cjb assess: {} already exists: resuming it, not starting over (a file is never overwritten)\n", path);
    } else {
      assessment = new_assessment(catalog);
      instrument = resolve_scope(catalog, assessment.scope);
      files::write_file_atomically(path, xml::write_assessment(assessment));
      stamp_ = stamp_of(path);
    }
    return converse(context, path, instrument, assessment);
  }

 private:
  // Reads path as an assessment of this catalog, checking that the options agree with it.
  // Throws Findings saying why when it cannot be resumed; the file is never touched then.
  void open_existing(const Catalog& catalog, const std::string& path, Assessment& assessment, Instrument& instrument) {
    const std::string untouched = fmt::format("{} was left untouched", path);
    stamp_ = stamp_of(path);  // before reading: a change after this is noticed at the first save
    try {
      xml::Source source(files::read_file(path), path);
      if (xml::FileKind kind = xml::detect_kind(source); kind != xml::FileKind::Assessment)
        throw Findings({{Location{path, 1, 1}, fmt::format("this is a {} file, not an assessment (expected an assessment started with cjb assess -o)",
                                                            xml::to_string(kind))}},
                       name(), {untouched + " (choose another name with -o)"}, 2);
      assessment = xml::parse_assessment(source);
      instrument = pipeline::checked_instrument(catalog, assessment);
    } catch (const Findings&) {
      throw;
    } catch (const InputError& e) {
      throw Findings(e.diagnostics(), name(),
                     {fmt::format("{}: it does not match the model and checklists in use (expected an assessment of {}; see --data-dir)",
                                  untouched, catalog.model.id)},
                     2);
    }
    std::vector<std::string> conflicts;
    if (!profile_.empty() && profile_ != assessment.scope.profile)
      conflicts.push_back(fmt::format("its profile is '{}', not '{}'", assessment.scope.profile.empty() ? "none" : assessment.scope.profile, profile_));
    auto sorted = [](std::vector<std::string> list) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      return list;
    };
    if (!channels_.empty() && sorted(split_list(channels_)) != sorted(instrument.channels))
      conflicts.push_back(fmt::format("its channels are {}, not {}", text::join(instrument.channels, ","), text::join(split_list(channels_), ",")));
    if (!retailer_.empty() && clean_user_text(retailer_) != assessment.subject.retailer)
      conflicts.push_back(fmt::format("its retailer is '{}'", assessment.subject.retailer));
    if (!site_.empty() && clean_user_text(site_) != assessment.subject.site)
      conflicts.push_back(fmt::format("its site is '{}'", assessment.subject.site));
    if (!conflicts.empty())
      throw Findings({}, name(),
                     {fmt::format("error: {} already exists and differs from the options given: {}", path, text::join(conflicts, "; ")),
                      untouched + fmt::format(" (resume it with cjb assess {}, or choose another name with -o)", shell_quote(path))},
                     2);
  }

  Assessment new_assessment(const Catalog& catalog) const {
    const std::string retailer = clean_user_text(retailer_.empty() ? "My shop" : retailer_);
    const std::string site = clean_user_text(site_);
    BlankAssessmentRequest request;
    request.profile = profile_;
    request.channels = split_list(channels_);
    request.retailer = retailer;
    request.site = site;
    request.date = today();
    request.method = "self-assessment";
    try {
      return blank_assessment(catalog, request);
    } catch (const UsageError& e) {
      throw UsageError(std::string("assess: ") + e.what());
    }
  }

  int converse(Context& context, const std::string& path, const Instrument& instrument, Assessment& assessment) {
    const bool terminal = ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1 && context.out_is_terminal;
    SessionStyle style;
    style.colour = colour(terminal);
    style.progress_bar = terminal;
    style.width = terminal ? std::min(terminal_width(STDOUT_FILENO, 80), 80) : 80;
    SessionFiles files{path, data_dir_option().empty() ? std::string() : " --data-dir " + shell_quote(data_dir_option())};
    AssessSession session(instrument, assessment, files, style);

    InterruptCatcher interrupts;
    std::unique_ptr<LineInput> input = terminal
        ? make_terminal_input(STDIN_FILENO, STDOUT_FILENO, context.out, style.colour, interrupts)
        : make_pipe_input(STDIN_FILENO, context.out, interrupts);
    // Two sessions (or an editor) on one file would silently drop each other's answers: the
    // file is only replaced when it is still the version this session wrote or read.
    auto save = [&] {
      if (stamp_of(path) != stamp_)
        throw ProgramError(fmt::format("{} was changed or removed by another program during this session; your last "
                                "answer was not saved, and the file was left as it is (expected one session per file; "
                                "resume with cjb assess {})",
                                path, shell_quote(path)));
      files::write_file_atomically(path, xml::write_assessment(assessment));
      stamp_ = stamp_of(path);
    };

    SessionReply reply = session.start();
    for (;;) {
      if (reply.changed) save();  // on disk before it is acknowledged on screen
      context.out << reply.text;
      context.out.flush();
      if (reply.done) return 0;
      std::string line;
      switch (input->read_line(session.prompt(), line)) {
        case InputEvent::Line: reply = session.handle(line); break;
        case InputEvent::EndOfInput: reply = session.stop("End of input."); break;
        case InputEvent::Interrupted: reply = session.stop("Interrupted."); break;
      }
    }
  }

  std::string resume_, output_, profile_, channels_, retailer_, site_;
  std::optional<FileStamp> stamp_;  // the version of the file this session last wrote or read
};

}  // namespace

std::unique_ptr<Command> make_assess() { return std::make_unique<AssessCommand>(); }

}  // namespace cjb::cli
