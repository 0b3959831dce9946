// Issue 14, defects 5 and 9: one atomic writer for every file cjb saves.

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "support.h"
#include "xml/source.h"

namespace cjb::xml {
namespace {

namespace fs = std::filesystem;

mode_t mode_of(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(AtomicWrite, KeepsThePermissionsOfTheFileItReplaces) {
  std::string dir = test::temp_dir("atomic-mode");
  std::string path = dir + "/a.xml";
  test::write_text(path, "old");
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  write_file_atomically(path, "new");
  EXPECT_EQ(test::read_text(path), "new");
  EXPECT_EQ(mode_of(path), 0600u);
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  write_file_atomically(path, "newer");
  EXPECT_EQ(mode_of(path), 0640u);
}

TEST(AtomicWrite, ANewFileGetsTheUmasksMode) {
  std::string dir = test::temp_dir("atomic-new");
  mode_t old = ::umask(027);
  write_file_atomically(dir + "/n.xml", "x");
  ::umask(old);
  EXPECT_EQ(mode_of(dir + "/n.xml"), 0640u);
}

TEST(AtomicWrite, FollowsASymlinkToItsTarget) {
  std::string dir = test::temp_dir("atomic-link");
  fs::create_directories(dir + "/real");
  test::write_text(dir + "/real/t.xml", "old");
  ASSERT_EQ(::chmod((dir + "/real/t.xml").c_str(), 0600), 0);
  fs::create_symlink("real/t.xml", dir + "/l1.xml");
  fs::create_symlink("l1.xml", dir + "/l2.xml");  // a link to a link
  write_file_atomically(dir + "/l2.xml", "new");
  EXPECT_TRUE(fs::is_symlink(dir + "/l1.xml"));
  EXPECT_TRUE(fs::is_symlink(dir + "/l2.xml"));
  EXPECT_EQ(test::read_text(dir + "/real/t.xml"), "new");
  EXPECT_EQ(mode_of(dir + "/real/t.xml"), 0600u);
  // The temporary file was made beside the target, and is gone.
  EXPECT_EQ(names_in(dir + "/real"), std::vector<std::string>{"t.xml"});
}

TEST(AtomicWrite, RemovesStaleTemporariesOfTheSameTargetOnly) {
  std::string dir = test::temp_dir("atomic-stale");
  for (const char* name : {".a.xml.Ab3xYz", ".a.xml.000000", ".b.xml.Ab3xYz", ".a.xml.toolong1", "a.xml.Ab3xYz"})
    test::write_text(dir + "/" + name, "left by kill -9");
  write_file_atomically(dir + "/a.xml", "saved");
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{".a.xml.toolong1", ".b.xml.Ab3xYz", "a.xml", "a.xml.Ab3xYz"}));
}

TEST(AtomicWrite, RefusesToReplaceSomethingThatIsNotAFile) {
  std::string dir = test::temp_dir("atomic-dir");
  fs::create_directories(dir + "/d.xml");
  try {
    write_file_atomically(dir + "/d.xml", "x");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), dir + "/d.xml: error: cannot write: not a regular file");
  }
  EXPECT_EQ(names_in(dir), std::vector<std::string>{"d.xml"});
}

TEST(AtomicWrite, AFailedWriteLeavesTheTargetAndNoTemporary) {
  std::string dir = test::temp_dir("atomic-fail");
  try {
    write_file_atomically(dir + "/missing-folder/x.xml", "x");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), dir + "/missing-folder/x.xml: error: cannot write: No such file or directory");
  }
  EXPECT_TRUE(names_in(dir).empty());
}

}  // namespace
}  // namespace cjb::xml
