#pragma once
// Text a user typed (retailer and site names, labels), made inert for Graphviz. Graphviz reads
// strings in three ways, each with its own traps: HTML-like labels are XML (<, &), plain string
// attributes expand backslash escapes (\N is the node's name, \n a line break) and entities,
// and its SVG writer keeps anything that looks like an entity. Both functions below write pure
// ASCII: every other character becomes a numeric character reference, which also keeps the
// DOT output independent of the charset and turns broken UTF-8 into U+FFFD instead of a
// Graphviz warning.

#include <string>
#include <string_view>

namespace cjb::diagram {

// Text for inside an HTML-like label (between tags): &, <, >, ", ' and \ as entities;
// newlines, tabs and other control characters as a space; non-ASCII as &#N;.
std::string escape_html_label(std::string_view text);

// Text for a plain string attribute that Graphviz only passes through (tooltip, URL title):
// as escape_html_label, but a backslash doubled (Graphviz turns entities back into characters
// before it expands escapes here, so &#92;N would still print the node's name); a newline
// stays a line break, as &#10;.
std::string escape_attribute(std::string_view text);

}  // namespace cjb::diagram
