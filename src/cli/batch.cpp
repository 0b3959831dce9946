#include "cli/batch.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <cerrno>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "xml/assessment_scan.h"
#include "pipeline/scored_assessment.h"
#include "xml/files.h"
#include "util/files.h"
#include "xml/source.h"

namespace cjb::cli {

namespace fs = std::filesystem;

std::vector<std::string> find_assessment_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
      throw InputError(Location{path}, "no such file or folder (expected an assessment file or a folder of them)");
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
         it.increment(ec)) {
      // Every *.xml entry, not only regular files: a FIFO, a device, a dangling link or a folder
      // named *.xml is then reported as left out (files::read_file says what it is), not skipped
      // in silence. The folder is searched as well.
      if (it->path().extension() == ".xml") found.push_back(it->path().string());
    }
    if (ec) throw InputError(Location{path}, fmt::format("cannot list the folder: {} (expected a readable folder)", ec.message()));
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  if (files.empty()) throw InputError(Location{paths.empty() ? std::string("benchmark") : paths.front()}, "no *.xml files found (expected assessment files)");
  return files;
}

namespace {

// One instrument (and its benchmark scorer) per scope (model, profile, checklists, channels),
// built on first use and shared read-only by every worker. Never removed, so references stay
// valid.
struct ScopeEntry {
  Instrument instrument;
  std::unique_ptr<BenchmarkScorer> scorer;  // points into instrument
  std::string scope;                        // scope_key(instrument)
  // Item id → position in instrument.items; the views point into the catalog's items.
  std::unordered_map<std::string_view, size_t> index;
};

class InstrumentCache {
 public:
  explicit InstrumentCache(const Catalog& catalog) : catalog_(catalog) {}

  // Throws InputError (at scope.where) for a scope that cannot be resolved; not cached.
  const ScopeEntry& get(const Scope& scope) {
    std::string key = scope.model + '\n' + scope.profile + '\n';
    for (const auto& c : scope.checklists) key += c + ' ';
    key += '\n';
    for (const auto& c : scope.channels) key += c + ' ';
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end()) return *it->second;
    // Built under the lock: a few per batch, and every worker needs the first one anyway.
    auto entry = std::make_unique<ScopeEntry>();
    entry->instrument = resolve_scope(catalog_, scope);
    entry->scorer = std::make_unique<BenchmarkScorer>(entry->instrument);
    entry->scope = scope_key(entry->instrument);
    for (size_t i = 0; i < entry->instrument.items.size(); ++i) entry->index.emplace(entry->instrument.items[i].item->id, i);
    return *entries_.emplace(std::move(key), std::move(entry)).first->second;
  }

 private:
  const Catalog& catalog_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<ScopeEntry>> entries_;
};

// What one worker keeps between files, so that a file costs no setup.
struct WorkerState {
  pugi::xml_document doc;
  std::string text;  // the file being read; its memory is reused for the next file
  std::vector<int> answers;
  std::vector<xml::ScannedResponse> responses;
  // The scope of the previous file and its entry: a batch mostly shares one scope, and this
  // spares the cache's lock and key for each file.
  Scope last_scope;
  const ScopeEntry* last_entry = nullptr;
};

bool same_scope(const Scope& a, const Scope& b) {
  return a.model == b.model && a.profile == b.profile && a.checklists == b.checklists && a.channels == b.channels;
}

// Reads a regular file of at most xml::kMaxFileBytes into text, reusing its memory: the size
// fstat gives (a file that grows meanwhile is read as it was). False on anything unusual;
// files::read_file then says what is wrong.
bool read_into(const std::string& path, std::string& text) {
  // O_NONBLOCK: a FIFO must not block the batch; fstat then refuses it.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) <= xml::kMaxFileBytes;
  if (ok) {
    text.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (ok && done < text.size()) {
      ssize_t n = ::read(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) ok = false;  // an error, or the file shrank while being read
      else done += static_cast<size_t>(n);
    }
  }
  ::close(fd);
  return ok;
}

// The fast path: xml::scan_assessment and BenchmarkScorer. nullopt when the file needs the
// full reader (a problem to report, or something the scan does not know).
std::optional<BenchmarkEntry> fast_score(InstrumentCache& cache, const std::string& path, WorkerState& state) {
  if (!read_into(path, state.text)) return std::nullopt;
  std::optional<Assessment> assessment = xml::scan_assessment(state.text, state.doc, state.responses);
  if (!assessment) return std::nullopt;
  const ScopeEntry* scope = state.last_entry;
  if (!scope || !same_scope(assessment->scope, state.last_scope)) {
    try {
      scope = &cache.get(assessment->scope);
    } catch (const InputError&) {
      return std::nullopt;
    }
    state.last_scope = assessment->scope;
    state.last_entry = scope;
  }
  // check_assessment's rules: known items in scope, one response each, levels on the scale.
  const Instrument& instrument = scope->instrument;
  state.answers.assign(instrument.items.size(), BenchmarkScorer::kUnanswered);
  size_t next = 0;  // files list their items mostly in instrument order: try the next one first
  for (const auto& r : state.responses) {
    size_t i;
    if (next < instrument.items.size() && instrument.items[next].item->id == r.item) {
      i = next;
    } else {
      auto it = scope->index.find(r.item);
      if (it == scope->index.end()) return std::nullopt;
      i = it->second;
    }
    next = i + 1;
    if (state.answers[i] != BenchmarkScorer::kUnanswered) return std::nullopt;
    if (r.na) {
      state.answers[i] = BenchmarkScorer::kNotApplicable;
    } else {
      if (r.level < 0 || r.level > instrument.items[i].max_level) return std::nullopt;
      state.answers[i] = r.level;
    }
  }
  BenchmarkEntry entry;
  entry.id = std::move(assessment->id);
  entry.file = path;
  entry.subject = std::move(assessment->subject);
  entry.date = std::move(assessment->meta.date);
  entry.scope = scope->scope;
  scope->scorer->score(state.answers, entry);
  return entry;
}

// The full path: every problem of the file, with its line and column. Throws InputError.
BenchmarkEntry full_score(const Catalog& catalog, InstrumentCache& cache, const std::string& path) {
  Assessment assessment;
  {
    // The document lives only while the assessment is read from it.
    xml::Source source(files::read_file(path), path);
    assessment = xml::parse_assessment(source);
  }
  const Instrument& instrument = cache.get(assessment.scope).instrument;
  ScoringOptions options;
  options.actions = false;  // a benchmark needs the scores, not the action plan
  Scorecard card = pipeline::check_and_score(catalog, instrument, assessment, options);
  return extract_entry(card, path);
}

BenchmarkEntry score_file(const Catalog& catalog, InstrumentCache& cache, const std::string& path, WorkerState& state) {
  if (auto entry = fast_score(cache, path, state)) return std::move(*entry);
  return full_score(catalog, cache, path);
}

// What became of one file; entries are kept apart (and compacted in place at the end) so that
// 50,000 of them are never held twice.
struct Outcome {
  bool scored = false;
  std::vector<Diagnostic> problems;
};

// The entries of a batch are a few KiB a file, kept to the end: 10,000 files touch some 50 MiB
// of fresh heap, 13,000 pages, and on a virtual machine each first touch of a page is a fault
// that costs as much as reading a file (docs/performance.md, "Benchmark at scale"). So the
// heap is grown once, by an estimate of what the batch needs, and marked for transparent huge
// pages: a fault then maps 2 MiB. Every worker allocates from that one heap (glibc would give
// each thread an arena of its own, unprepared). Where the system has no such pages, or the
// estimate falls short, memory is simply mapped page by page as before; only speed depends on
// this, never a result.
void prepare_heap(size_t files) {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  constexpr size_t kBytesPerFile = 6 * 1024;  // entry, its scores and its share of the output
  constexpr size_t kHugePage = 2 * 1024 * 1024;
  constexpr size_t kMaxPrepared = 512 * 1024 * 1024;
  size_t bytes = std::min(files * kBytesPerFile, kMaxPrepared);
  if (bytes < 4 * kHugePage) return;  // small batches: not worth it
  mallopt(M_ARENA_MAX, 1);
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(std::min<size_t>(2 * bytes, INT32_MAX)));  // kept to the end
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);  // large blocks (the output) from this heap too
  mallopt(M_TOP_PAD, static_cast<int>(bytes));
  // A block larger than all the heap holds free makes malloc grow it, by the block and the pad.
  auto* before = static_cast<char*>(sbrk(0));
  // (volatile: the compiler may otherwise drop a block that is never used)
  void* volatile block = std::malloc(mallinfo2().fordblks + 64 * 1024);
  auto* after = static_cast<char*>(sbrk(0));
  std::free(block);
  mallopt(M_TOP_PAD, 128 * 1024);  // glibc's default again, for later growth
  if (before == reinterpret_cast<char*>(-1) || after <= before) return;
  auto start = (reinterpret_cast<uintptr_t>(before) + kHugePage - 1) & ~(kHugePage - 1);
  auto end = reinterpret_cast<uintptr_t>(after) & ~(kHugePage - 1);
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
#else
  (void)files;
#endif
}

void draw_progress(std::ostream& out, size_t done, size_t total) {
  constexpr int kWidth = 30;
  int filled = total ? static_cast<int>(kWidth * done / total) : kWidth;
  out << fmt::format("\rscoring [{}{}] {}/{}", std::string(static_cast<size_t>(filled), '#'),
                     std::string(static_cast<size_t>(kWidth - filled), ' '), done, total)
      << std::flush;
}

}  // namespace

BatchResult score_files(const Catalog& catalog, const std::vector<std::string>& files, const BatchOptions& options) {
  prepare_heap(files.size());
  InstrumentCache cache(catalog);
  std::vector<Outcome> outcomes(files.size());
  std::vector<BenchmarkEntry> entries(files.size());
  std::atomic<size_t> next{0}, done{0};
  std::atomic<bool> stop{false};

  auto work = [&] {
    WorkerState state;
    for (;;) {
      if (stop.load(std::memory_order_relaxed)) return;
      size_t i = next.fetch_add(1);
      if (i >= files.size()) return;
      try {
        entries[i] = score_file(catalog, cache, files[i], state);
        outcomes[i].scored = true;
      } catch (const InputError& e) {
        outcomes[i].problems = e.diagnostics();
        if (options.strict) stop = true;
      } catch (const std::exception& e) {
        // Out of memory or a bug: the file is left out and the batch goes on.
        outcomes[i].problems = {{Location{files[i]}, fmt::format("cannot be scored: {}", e.what())}};
        if (options.strict) stop = true;
      }
      done.fetch_add(1, std::memory_order_relaxed);
    }
  };

  size_t jobs = options.jobs > 0 ? static_cast<size_t>(options.jobs) : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min(jobs, std::max<size_t>(files.size(), 1));
  std::vector<std::thread> workers;
  for (size_t j = 1; j < jobs; ++j) workers.emplace_back(work);
  if (options.progress) {
    // This thread draws the bar while the workers score.
    std::thread last(work);
    while (done.load() < files.size() && !stop.load()) {
      draw_progress(*options.progress, done.load(), files.size());
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    last.join();
    draw_progress(*options.progress, done.load(), files.size());
    *options.progress << "\r\033[K" << std::flush;
  } else {
    work();
  }
  for (auto& w : workers) w.join();

  // Workers take files in order, so with --strict every file before the first broken one was
  // scored: reporting that one is the same on every run.
  BatchResult result;
  size_t kept = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    Outcome& o = outcomes[i];
    if (o.scored) {
      if (kept != i) entries[kept] = std::move(entries[i]);
      ++kept;
    } else if (!o.problems.empty()) {
      result.left_out.push_back({files[i], o.problems.front().to_string()});
      result.problems.insert(result.problems.end(), o.problems.begin(), o.problems.end());
      if (options.strict) break;
    }
  }
  entries.resize(kept);
  result.entries = std::move(entries);
  return result;
}

BenchmarkEntry score_one_file(const Catalog& catalog, const std::string& path) {
  InstrumentCache cache(catalog);
  return full_score(catalog, cache, path);
}

}  // namespace cjb::cli
