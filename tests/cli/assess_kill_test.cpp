// Nothing is ever lost: SIGKILL at seeded random points of a long scripted session leaves a
// valid assessment holding every answer that was acknowledged before the kill.

#include <csignal>
#include <filesystem>
#include <iostream>
#include <random>
#include <regex>
#include <set>
#include <map>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli/child_process.h"
#include "support.h"
#include "xml/files.h"

namespace cjb::test {
namespace {

// A long session over the 69 items of mini-omnichannel that never finishes by itself: a first
// pass over 60 items with notes, b and l, then many jumps that change an answer each (groups 1
// to 12 are answered by then, so every jump lands on an answered item).
std::string long_script() {
  std::string script;
  for (int i = 0; i < 60; ++i) {
    if (i % 7 == 3) script += "note item " + std::to_string(i) + " <&>\n";
    if (i % 11 == 5) script += "b\nl\n";
    script += i % 5 == 4 ? "n\n" : std::to_string(i % 2) + "\n";  // 0 and 1 fit every scale
  }
  for (int k = 0; k < 5000; ++k) script += "g " + std::to_string(k % 12 + 1) + "\n" + (k % 3 == 2 ? "n" : std::to_string(k % 2)) + "\n";
  return script + "q\n";
}

struct Acknowledged {
  std::map<std::string, std::string> answers;  // item → "N" or "na": the last one acknowledged
  std::set<std::string> noted;                 // items whose note was acknowledged
  size_t count = 0;
};

Acknowledged acknowledgements(const std::string& out) {
  Acknowledged ack;
  static const std::regex answer("Saved ([A-Z0-9-]+): (not applicable|[0-9]+)");
  static const std::regex note("Noted: the note is saved with your answer to ([A-Z0-9-]+)");
  // Only complete lines count: a line cut by the kill was not acknowledged.
  std::string complete = out.substr(0, out.rfind('\n') == std::string::npos ? 0 : out.rfind('\n') + 1);
  for (std::sregex_iterator it(complete.begin(), complete.end(), answer), end; it != end; ++it) {
    ack.answers[(*it)[1]] = (*it)[2] == "not applicable" ? "na" : std::string((*it)[2]);
    ++ack.count;
  }
  for (std::sregex_iterator it(complete.begin(), complete.end(), note), end; it != end; ++it) ack.noted.insert((*it)[1]);
  return ack;
}

TEST(AssessKill, EveryAcknowledgedAnswerSurvivesSigkill) {
  const std::string script = long_script();
  std::mt19937 random(20261124);
  for (int run = 0; run < 5; ++run) {
    std::string file = temp_dir("assess-kill-" + std::to_string(run)) + "/a.xml";
    std::string out;
    Child child = start_cjb_piped({"assess", "-o", file, "--data-dir", "tests/data/mini", "--profile", "mini-omnichannel"});
    send(child, script);  // under a pipe's buffer: the session runs as fast as it can
    // A random moment of the session (which takes seconds in all), reading its output meanwhile.
    read_for(child, out, std::uniform_int_distribution<int>(20, 400)(random));
    ::kill(child.pid, SIGKILL);
    read_rest(child, out);  // what it printed before it died was acknowledged
    int status = finish(child);
    EXPECT_EQ(status, 128 + SIGKILL) << "run " << run << ": the session ended before the kill";

    Acknowledged ack = acknowledgements(out);
    if (ack.count == 0 && !std::filesystem::exists(file)) continue;  // killed while it started
    Assessment a = xml::load_assessment(file);  // throws, failing the test, if the file is not valid
    // The file holds every acknowledged answer. One answer may differ: the one the kill caught
    // between saving the file and printing its acknowledgement.
    int differences = 0;
    for (const auto& [item, answer] : ack.answers) {
      const Response* r = a.find_response(item);
      ASSERT_NE(r, nullptr) << "run " << run << ": " << item << " was acknowledged but is not in the file";
      differences += (r->na ? std::string("na") : std::to_string(r->level.value_or(-1))) != answer;
      if (ack.noted.count(item)) {
        EXPECT_THAT(r->note, ::testing::StartsWith("item ")) << "run " << run << ": " << item;
      }
    }
    EXPECT_LE(differences, 1) << "run " << run;
    EXPECT_LE(a.responses.size(), ack.answers.size() + 1) << "run " << run;
    std::cout << "[ run " << run << " ] killed after " << ack.count << " acknowledged answers; the file holds "
              << a.responses.size() << " responses\n";
  }
}

}  // namespace
}  // namespace cjb::test
