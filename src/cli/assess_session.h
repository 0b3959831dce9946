#pragma once
// The guided self-assessment as a state machine, apart from the terminal: it takes one line a
// user typed and returns what to print. It never reads, writes or sleeps, so every command of
// the grammar is unit-tested on inline strings; cli/assess.cpp feeds it lines, saves the
// assessment whenever a reply says it changed (before printing the reply, so that whatever
// is acknowledged on screen is already on disk), and stops when a reply says it is done.
//
// The grammar (one line each; surrounding blanks ignored, commands case-insensitive):
//   0..max      answer the current item at that level
//   n           not applicable
//   s           skip for now (stays unanswered; offered again after the last item)
//   b           back to the previous item (the one shown before, else the one before in order)
//   note TEXT   attach a note to the current item (added to any note it has)
//   ?           help
//   l           list the groups with their completeness
//   g GROUP     jump to a group: its number in the list, its id, or the start of its id or name
//   q           save and quit (with the scorecard when nothing is left ahead)
// Anything else is answered with a one-line hint and the same question again.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"

namespace cjb::cli {

// How replies look: plain text for pipes and files, colour and a progress bar on a terminal.
struct SessionStyle {
  bool colour = false;        // ANSI colours (default off: only on a terminal without NO_COLOR)
  bool progress_bar = false;  // a bar under the progress line (default off: terminals only)
  int width = 80;             // wrap text at this many columns (default 80)
};

// Where the session is saved and how to call cjb again, for the "resume with" and "render
// the report with" lines.
struct SessionFiles {
  std::string path;        // the assessment file
  std::string extra_args;  // options to repeat in printed commands, e.g. " --data-dir DIR" (default none)
};

struct SessionReply {
  std::string text;      // what to print, ending with a newline
  bool changed = false;  // the assessment changed: save it before printing text (a session
                         // that changes nothing never rewrites the file)
  bool done = false;     // the session is over: save, print text, exit 0
};

class AssessSession {
 public:
  // Answers items of instrument into assessment; both must outlive the session. Starts at the
  // first unanswered item (the first item when every one is answered).
  AssessSession(const Instrument& instrument, Assessment& assessment, SessionFiles files, SessionStyle style = {});

  // The greeting and the first question; done when there is nothing left to answer (then it
  // is the scorecard).
  SessionReply start();
  // Handles one line of input (without its newline).
  SessionReply handle(std::string_view line);
  // End of input or an interrupt (Ctrl-C): how many answers are saved and how to resume.
  SessionReply stop(std::string_view why);

  // The prompt for the current question, plain text (the caller colours it), e.g. "L-VIS-01 [0-4]> ".
  std::string prompt() const;
  bool done() const { return done_; }
  // Index into instrument.items of the item being asked.
  size_t current() const { return current_; }
  // Responses given, counting "not applicable".
  size_t responded() const;

 private:
  enum class Move { Forward, Stay };
  struct GroupEntry {
    std::string id;
    std::vector<size_t> items;  // indices into instrument.items
  };

  bool is_responded(size_t index) const;
  Response* response_for(const std::string& item);
  Response& ensure_response(const std::string& item);
  void go_to(size_t index, bool remember);
  // The next unanswered item after the current one, else the first unanswered from the start
  // (sets passed_end_), else none.
  bool advance();

  // Acknowledges (text), then goes on to the next question, or finishes when none is left.
  SessionReply move_on(std::string text, bool changed);
  SessionReply answer_level(int level);
  SessionReply answer_not_applicable();
  SessionReply skip();
  SessionReply back();
  SessionReply note(std::string_view text);
  SessionReply list() const;
  SessionReply jump(std::string_view target);
  SessionReply quit();
  SessionReply finish(std::string text, bool changed);
  SessionReply hint(std::string_view message) const;
  std::string help_text() const;
  std::string question() const;
  std::string saved_line() const;
  std::string resume_text() const;
  std::string pending_notes_warning() const;
  std::string summary() const;

  std::string paint(std::string_view text, const char* sgr) const;
  // text in lines of at most style_.width columns: the first indented by first_indent, the
  // others by indent; line breaks kept only when keep_breaks (notes a user typed).
  std::string wrap(std::string_view text, size_t indent, size_t first_indent, bool keep_breaks = false) const;
  std::string rule() const;

  const Instrument& instrument_;
  Assessment& assessment_;
  SessionFiles files_;
  SessionStyle style_;
  std::vector<GroupEntry> groups_;
  size_t current_ = 0;
  std::vector<size_t> history_;  // items shown before, most recent last (for b)
  bool passed_end_ = false;      // the last item in order was left behind once
  bool reviewing_ = false;       // every item was answered at the start: walk them in order
  bool done_ = false;
  std::map<std::string, std::string> pending_notes_;  // notes on items not answered yet
};

// Text a user typed made safe for an XML file: invalid UTF-8 and control characters become
// spaces (tabs included), runs of blanks collapse, and the ends are trimmed.
std::string clean_user_text(std::string_view text);

// A path or argument quoted for a POSIX shell when it needs quoting.
std::string shell_quote(std::string_view text);

}  // namespace cjb::cli
