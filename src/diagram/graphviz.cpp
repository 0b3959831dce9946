#include "diagram/graphviz.h"

#include <vector>
#include <map>
#include <string_view>
#include <utility>

#include "core/error.h"

namespace cjb::diagram::gv {

namespace {

// Graphviz takes char* for names it never changes.
char* mutable_chars(const char* text) { return const_cast<char*>(text); }
char* mutable_chars(const std::string& text) { return const_cast<char*>(text.c_str()); }

std::string& captured() {
  static std::string messages;
  return messages;
}

int capture_message(char* message) {
  captured() += message;
  return 0;
}

// agwrite's output channel: appends to the std::string passed as chan.
int put_string(void* chan, const char* text) {
  static_cast<std::string*>(chan)->append(text);
  return 0;
}
int flush_nothing(void*) { return 0; }

Agiodisc_t string_io = {AgIoDisc.afread, put_string, flush_nothing};

// Object ids in creation order. Graphviz's default id discipline uses the address of the
// interned name as the id, and orders subgraphs by id: the clusters would then come out in an
// order that depends on the heap, and so would the SVG. Named objects get even ids, anonymous
// ones (edges) odd ids, as in the default.
struct IdState {
  Agraph_t* graph;
  std::map<std::string, IDTYPE, std::less<>> ids;
  // Names interned in the graph's string pool (Graphviz checks pooled strings for the HTML
  // mark when it writes names), freed with the graph.
  std::vector<char*> names;  // names[id / 2 - 1]
  IDTYPE next_anonymous = 1;
};

void* open_ids(Agraph_t* graph, Agdisc_t*) { return new IdState{graph, {}, {}, 1}; }
long map_id(void* state, int, char* name, IDTYPE* id, int create) {
  auto* ids = static_cast<IdState*>(state);
  if (!name) {
    *id = ids->next_anonymous;
    ids->next_anonymous += 2;
    return 1;
  }
  auto found = ids->ids.find(std::string_view(name));
  if (found != ids->ids.end()) {
    *id = found->second;
    return 1;
  }
  if (!create) return 0;
  ids->names.push_back(agstrdup(ids->graph, name));
  *id = 2 * static_cast<IDTYPE>(ids->names.size());
  ids->ids.emplace(name, *id);
  return 1;
}
long alloc_id(void*, int, IDTYPE) { return 0; }  // no object asks for a particular id here
void free_id(void*, int, IDTYPE) {}               // names live as long as the graph's string pool
char* print_id(void* state, int, IDTYPE id) {
  auto* ids = static_cast<IdState*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > ids->names.size()) return nullptr;
  return ids->names[id / 2 - 1];
}
void close_ids(void* state) { delete static_cast<IdState*>(state); }
void register_id(void*, int, void*) {}

Agiddisc_t ordered_ids = {open_ids, map_id, alloc_id, free_id, print_id, close_ids, register_id};
Agdisc_t string_disc = {&AgMemDisc, &ordered_ids, &string_io};

}  // namespace

ErrorCapture::ErrorCapture() : previous_(agseterrf(capture_message)) {
  captured().clear();
  agreseterrors();
}
ErrorCapture::~ErrorCapture() { agseterrf(previous_); }
const std::string& ErrorCapture::messages() const { return captured(); }

namespace {
GVC_t* process_context() {
  static GVC_t* const gvc = gvContext();  // never freed: see graphviz.h
  return gvc;
}
}  // namespace

Context::Context() : gvc_(process_context()) {
  if (!gvc_) throw ProgramError("Graphviz could not start (gvContext failed)");
}

Graph::Graph(const std::string& name) : graph_(agopen(mutable_chars(name), Agdirected, &string_disc)) {
  if (!graph_) throw ProgramError("Graphviz could not create a graph");
}

void Graph::set_default(int kind, const char* name, const std::string& value) {
  agattr(get(), kind, mutable_chars(name), mutable_chars(value));
}

Agnode_t* Graph::add_node(Agraph_t* where, const std::string& name) {
  return agnode(where ? where : get(), mutable_chars(name), 1);
}

Agedge_t* Graph::add_edge(Agraph_t* where, Agnode_t* tail, Agnode_t* head) {
  return agedge(where ? where : get(), tail, head, nullptr, 1);
}

Agraph_t* Graph::add_subgraph(const std::string& name) { return agsubg(get(), mutable_chars(name), 1); }

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, mutable_chars(name), mutable_chars(value), mutable_chars(""));
}

void Graph::set(void* object, const char* name, const std::string& value) { gv::set(object, name, value); }

void set_html(void* object, const char* name, const std::string& html) {
  Agraph_t* root = agroot(object);
  int kind = AGTYPE(object) == AGINEDGE ? AGEDGE : AGTYPE(object);
  Agsym_t* symbol = agattr(root, kind, mutable_chars(name), nullptr);
  if (!symbol) symbol = agattr(root, kind, mutable_chars(name), mutable_chars(""));
  // The pooled string is marked HTML; agxset takes its own reference.
  char* pooled = agstrdup_html(root, mutable_chars(html));
  agxset(object, symbol, pooled);
  agstrfree(root, pooled);
}

void Graph::set_html(void* object, const char* name, const std::string& html) { gv::set_html(object, name, html); }

std::string Graph::to_dot() const {
  std::string text;
  if (agwrite(get(), &text) != 0) throw ProgramError("Graphviz could not write the graph as DOT");
  return text;
}

Layout::Layout(Context context, Graph graph, const char* engine)
    : context_(std::move(context)), graph_(std::move(graph)), engine_(engine), layout_(nullptr, Free{nullptr}) {
  run();
}

void Layout::lay_out_again(const char* engine, const std::function<void(Agraph_t*)>& change) {
  layout_.reset();
  if (change) change(graph_.get());
  engine_ = engine;
  run();
}

void Layout::run() {
  ErrorCapture errors;
  int status = gvLayout(context_.get(), graph_.get(), engine_.c_str());
  if (status == 0) layout_ = std::unique_ptr<Agraph_t, Free>(graph_.get(), Free{context_.get()});
  // Graphviz reports some errors (a bad HTML label) yet returns success.
  if (status != 0 || agerrors() > 0) {
    std::string message = errors.messages();
    while (!message.empty() && message.back() == '\n') message.pop_back();
    throw ProgramError("Graphviz could not lay out the diagram" + (message.empty() ? "" : ": " + message));
  }
}

std::string Layout::render(const char* format) const {
  ErrorCapture errors;
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(context_.get(), graph_.get(), format, &data, &length) != 0 || !data || agerrors() > 0) {
    if (data) gvFreeRenderData(data);
    std::string message = errors.messages();
    while (!message.empty() && message.back() == '\n') message.pop_back();
    throw ProgramError(std::string("Graphviz could not render ") + format + (message.empty() ? "" : ": " + message));
  }
  std::string out(data, length);
  gvFreeRenderData(data);
  return out;
}

}  // namespace cjb::diagram::gv
