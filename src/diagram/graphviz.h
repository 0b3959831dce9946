#pragma once
// Move-only owners of Graphviz's C handles (cgraph/gvc), so that every path, exceptions
// included, frees what it made: the context (plugins), a graph, and a graph's layout. Used only
// inside src/diagram; the rest of cjb sees journey_render.h, which has no Graphviz types.
//
// Graphviz keeps global state (its error handler, string pools per graph): use it from one
// thread at a time.

#include <functional>
#include <memory>
#include <string>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace cjb::diagram::gv {

// Sets an attribute of a graph, subgraph, node or edge (declared with default "" if new).
void set(void* object, const char* name, const std::string& value);
// Sets an HTML-like label (the text between the outer < >; escape user text first).
void set_html(void* object, const char* name, const std::string& html);

// GVC_t: the loaded plugins (layout engines, renderers). One for the whole process, made on
// first use and never freed: Graphviz's pango plugin keeps, in a static, a pointer to the font
// name of the last text it measured, which lives in the context's font dictionary; a second
// context would make it read freed memory (heap-use-after-free under AddressSanitizer when a
// process lays out a second graph). One context also loads the plugins once. It stays
// reachable, so leak checkers do not count it.
class Context {
 public:
  Context();  // the process's context; throws cjb::Error when Graphviz cannot start
  GVC_t* get() const { return gvc_; }

 private:
  GVC_t* gvc_;
};

// A directed graph (agopen/agclose) and the attribute setters this project needs.
class Graph {
 public:
  explicit Graph(const std::string& name);
  Agraph_t* get() const { return graph_.get(); }

  // Declares the default of an attribute for the graph, its nodes or its edges (kind AGRAPH,
  // AGNODE, AGEDGE); DOT output shows it once, as `node [name=value]`.
  void set_default(int kind, const char* name, const std::string& value);

  Agnode_t* add_node(Agraph_t* where, const std::string& name);
  Agedge_t* add_edge(Agraph_t* where, Agnode_t* tail, Agnode_t* head);
  Agraph_t* add_subgraph(const std::string& name);

  // Sets an attribute of a graph, subgraph, node or edge (declared with default "" if new).
  void set(void* object, const char* name, const std::string& value);
  // Sets an HTML-like label (the text between the outer < >; escape user text first).
  void set_html(void* object, const char* name, const std::string& html);

  // The graph as DOT text (agwrite), before any layout.
  std::string to_dot() const;

 private:
  struct Close {
    void operator()(Agraph_t* graph) const { agclose(graph); }
  };
  std::unique_ptr<Agraph_t, Close> graph_;
};

// A graph laid out by one engine (gvLayout/gvFreeLayout). Owns its graph, so the layout cannot
// outlive it; freed in reverse order: layout, graph.
class Layout {
 public:
  Layout(Context context, Graph graph, const char* engine);  // throws cjb::Error with Graphviz's message
  Agraph_t* graph() const { return graph_.get(); }

  // Frees this layout, lets change add to the graph (nothing may be added to a laid-out graph:
  // the engine's cleanup would free what it did not allocate), and lays the graph out again
  // with engine, e.g. "nop2" to keep the positions written by render("dot") and draw edges
  // along their given "pos".
  void lay_out_again(const char* engine, const std::function<void(Agraph_t*)>& change);

  // gvRenderData into a string: "svg", "pdf", "png", "dot" (DOT with positions), ...
  std::string render(const char* format) const;

 private:
  struct Free {
    GVC_t* gvc;
    void operator()(Agraph_t* graph) const { gvFreeLayout(gvc, graph); }
  };
  void run();

  Context context_;
  Graph graph_;
  std::string engine_;
  std::unique_ptr<Agraph_t, Free> layout_;  // does not own the graph: marks that it was laid out
};

// Collects Graphviz's warnings and errors (otherwise printed to stderr) while alive.
class ErrorCapture {
 public:
  ErrorCapture();
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
  const std::string& messages() const;

 private:
  agusererrf previous_;
};

}  // namespace cjb::diagram::gv
