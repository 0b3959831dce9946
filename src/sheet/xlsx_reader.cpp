#include "sheet/xlsx_reader.h"

#include <zip.h>

#include <cctype>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "util/handle.h"
#include "util/utf8.h"

namespace cjb::sheet {

namespace {

using Archive = Handle<zip_t, zip_discard>;
using ZipFile = Handle<zip_file_t, zip_fclose>;

// No part of a field sheet comes near this; a larger one is a zip bomb, not a sheet.
constexpr zip_uint64_t kMaxPartSize = 256u << 20;

class Workbook {
 public:
  Workbook(const std::string& bytes, const std::string& name) : name_(name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
      archive_.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
      if (!archive_) zip_source_free(source);
    }
    std::string why = zip_error_strerror(&error);
    // libzip capitalises its messages ("Not a zip archive"); here they follow a colon.
    if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
    zip_error_fini(&error);
    if (!archive_) fail(fmt::format("not an XLSX workbook: {} (expected a file saved as \"Excel Workbook (.xlsx)\")", why));
  }

  bool has(const std::string& part) const { return zip_name_locate(archive_.get(), part.c_str(), 0) >= 0; }

  // The part parsed as XML.
  pugi::xml_document xml(const std::string& part) const {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_.get(), part.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
      fail(fmt::format("the workbook has no part {} (expected a file saved as \"Excel Workbook (.xlsx)\")", part));
    if (stat.size > kMaxPartSize) fail(fmt::format("part {} unpacks to {} bytes (expected a field sheet, at most {} bytes)", part, stat.size, kMaxPartSize));
    std::string text(stat.size, '\0');
    ZipFile file(zip_fopen(archive_.get(), part.c_str(), 0));
    zip_int64_t read = file ? zip_fread(file.get(), text.data(), stat.size) : -1;
    if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
      fail(fmt::format("part {} cannot be unpacked: {} (expected an undamaged workbook)", part, zip_strerror(archive_.get())));
    pugi::xml_document doc;
    pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!result) fail(fmt::format("part {} is not well-formed XML: {} at byte {} (expected an undamaged workbook)", part, result.description(), result.offset));
    return doc;
  }

  [[noreturn]] void fail(const std::string& message) const { throw InputError(Location{name_}, message); }

 private:
  std::string name_;
  Archive archive_;
};

// Element names without their namespace prefix: writers differ ("sheet", "x:sheet").
std::string_view local(const pugi::xml_node& node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (auto c : node.children())
    if (local(c) == name) return c;
  return {};
}

// An attribute by local name ("r:id" and "id" in another prefix alike).
pugi::xml_attribute attribute(const pugi::xml_node& node, std::string_view name) {
  for (auto a : node.attributes()) {
    std::string_view n = a.name();
    size_t colon = n.find(':');
    if ((colon == std::string_view::npos ? n : n.substr(colon + 1)) == name) return a;
  }
  return {};
}

// OOXML writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x).
std::string decode_escapes(const std::string& text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "_x") == 0 && i + 6 < text.size() + 0 && text[i + 6] == '_' &&
        text.substr(i + 2, 4).find_first_not_of("0123456789abcdefABCDEF") == std::string::npos) {
      utf8::append(out, static_cast<char32_t>(std::stoul(text.substr(i + 2, 4), nullptr, 16)));
      i += 6;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The text of a shared string or inline string: plain <t>, or rich-text runs <r><t>; phonetic
// guides (<rPh>) are not part of it.
std::string string_item_text(const pugi::xml_node& item) {
  std::string text;
  for (auto c : item.children()) {
    if (local(c) == "t") text += c.text().get();
    else if (local(c) == "r")
      if (auto t = child(c, "t")) text += t.text().get();
  }
  return decode_escapes(text);
}

// "K11" → column 11, row 11.
bool parse_reference(std::string_view ref, int& row, int& column) {
  size_t i = 0;
  int c = 0, r = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && c < 100000; ++i) c = c * 26 + (ref[i] - 'A' + 1);
  if (i == 0 || i == ref.size()) return false;
  for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && r < 10'000'000; ++i) r = r * 10 + (ref[i] - '0');
  if (i != ref.size() || r == 0 || c > 16384) return false;
  row = r;
  column = c;
  return true;
}

// "worksheets/sheet1.xml" from xl/_rels/workbook.xml.rels is relative to xl/; "/xl/…" is absolute.
std::string part_path(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

std::vector<std::string> shared_strings(const Workbook& workbook, const std::string& part) {
  std::vector<std::string> strings;
  if (part.empty() || !workbook.has(part)) return strings;
  pugi::xml_document doc = workbook.xml(part);
  for (auto item : doc.document_element().children())
    if (local(item) == "si") strings.push_back(string_item_text(item));
  return strings;
}

std::string cell_text(const pugi::xml_node& c, const std::vector<std::string>& strings, const Workbook& workbook,
                      const std::string& part, std::string_view ref) {
  std::string_view type = attribute(c, "t").value();
  if (type == "inlineStr") return string_item_text(child(c, "is"));
  std::string value = child(c, "v").text().get();
  if (type == "s") {
    char* end = nullptr;
    unsigned long index = std::strtoul(value.c_str(), &end, 10);
    if (value.empty() || *end || index >= strings.size())
      workbook.fail(fmt::format("{}: cell {} names shared string {} of {} (expected an undamaged workbook)", part, ref, value, strings.size()));
    return strings[index];
  }
  if (type == "b") return value == "1" ? "TRUE" : "FALSE";
  return decode_escapes(value);  // numbers as written ("2"), formula results (t="str"), errors
}

Table read_worksheet(const Workbook& workbook, const std::string& sheet_name, const std::string& part,
                     const std::vector<std::string>& strings) {
  Table table;
  table.sheet = sheet_name;
  pugi::xml_document doc = workbook.xml(part);
  pugi::xml_node data = child(doc.document_element(), "sheetData");
  int last_row = 0;
  for (auto row_node : data.children()) {
    if (local(row_node) != "row") continue;
    int row_number = row_node.attribute("r").as_int(last_row + 1);
    if (row_number <= last_row) workbook.fail(fmt::format("{}: row {} comes after row {} (expected rows in order)", part, row_number, last_row));
    last_row = row_number;
    TableRow row;
    for (auto c : row_node.children()) {
      if (local(c) != "c") continue;
      int r = row_number, column = static_cast<int>(row.size()) + 1;
      std::string_view ref = c.attribute("r").value();
      if (!ref.empty() && (!parse_reference(ref, r, column) || r != row_number || column <= static_cast<int>(row.size())))
        workbook.fail(fmt::format("{}: cell reference '{}' in row {} (expected a cell such as A{} after the one before)", part, ref, row_number, row_number));
      while (static_cast<int>(row.size()) + 1 < column) row.push_back(Cell{"", row_number, static_cast<int>(row.size()) + 1});
      row.push_back(Cell{cell_text(c, strings, workbook, part, ref), row_number, column});
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace

bool looks_like_xlsx(const std::string& bytes) { return bytes.compare(0, 4, "PK\x03\x04") == 0; }

std::vector<Table> read_xlsx(const std::string& bytes, const std::string& name) {
  Workbook workbook(bytes, name);
  pugi::xml_document rels = workbook.xml("xl/_rels/workbook.xml.rels");
  std::map<std::string, std::string> targets;  // relationship id → part
  std::string strings_part;
  for (auto rel : rels.document_element().children()) {
    std::string target = part_path(rel.attribute("Target").value());
    targets[rel.attribute("Id").value()] = target;
    if (std::string_view(rel.attribute("Type").value()).ends_with("/sharedStrings")) strings_part = target;
  }
  std::vector<std::string> strings = shared_strings(workbook, strings_part);
  pugi::xml_document book = workbook.xml("xl/workbook.xml");
  std::vector<Table> tables;
  for (auto sheet : child(book.document_element(), "sheets").children()) {
    if (local(sheet) != "sheet") continue;
    auto target = targets.find(attribute(sheet, "id").value());
    if (target == targets.end())
      workbook.fail(fmt::format("xl/workbook.xml: sheet '{}' has no part (expected an undamaged workbook)", sheet.attribute("name").value()));
    if (target->second.find("worksheets/") == std::string::npos) continue;  // chart sheets hold no cells
    tables.push_back(read_worksheet(workbook, sheet.attribute("name").value(), target->second, strings));
  }
  return tables;
}

}  // namespace cjb::sheet
