#include "render/text_table.h"

#include <algorithm>

#include "util/utf8.h"

namespace cjb::render {

std::string format_table(const TextTable& table, int indent) {
  size_t columns = table.header.size();
  for (const auto& row : table.rows) columns = std::max(columns, row.size());
  std::vector<size_t> width(columns, 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], utf8::length(row[i]));
  };
  measure(table.header);
  for (const auto& row : table.rows) measure(row);

  std::string out;
  auto line = [&](const std::vector<std::string>& row) {
    std::string text(static_cast<size_t>(indent), ' ');
    for (size_t i = 0; i < columns; ++i) {
      const std::string cell = i < row.size() ? row[i] : std::string();
      std::string pad(width[i] - utf8::length(cell), ' ');
      bool right = i < table.align.size() && table.align[i] == Align::Right;
      text += right ? pad + cell : cell + pad;
      if (i + 1 < columns) text += "  ";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  };
  if (!table.header.empty()) line(table.header);
  for (const auto& row : table.rows) line(row);
  return out;
}

std::string html_table(const TextTable& t) {
  auto open_cell = [&](const char* tag, size_t i) {
    bool right = i < t.align.size() && t.align[i] == Align::Right;
    return std::string("<") + tag + (right ? " class=\"num\">" : ">");
  };
  std::string out = "<table>\n<thead><tr>";
  for (size_t i = 0; i < t.header.size(); ++i) out += open_cell("th", i) + html_escape(t.header[i]) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (size_t i = 0; i < row.size(); ++i) out += open_cell("td", i) + html_escape(row[i]) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string html_document(std::string_view title, std::string_view body) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(title) +
      "</title>\n<style>\n"
      "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222}\n"
      "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em;border-bottom:1px solid #ccc}\n"
      "table{border-collapse:collapse;font-size:.9em}th,td{padding:.2em .6em;border-bottom:1px solid #eee;text-align:left}\n"
      "th{background:#f3f3f3}.num{text-align:right;font-variant-numeric:tabular-nums}\n"
      "</style>\n</head>\n<body>\n";
  out += body;
  return out + "</body>\n</html>\n";
}

}  // namespace cjb::render
