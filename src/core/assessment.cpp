#include "core/assessment.h"

#include <cctype>

namespace cjb {

std::optional<std::string> Subject::field(const std::string& name) const {
  if (name == "retailer") return retailer;
  if (name == "site") return site;
  if (name == "site-id") return site_key();
  if (name == "sector") return sector;
  if (name == "region") return region;
  if (name == "format") return format;
  return std::nullopt;
}

const Response* Assessment::find_response(const std::string& item) const {
  for (const auto& r : responses)
    if (r.item == item) return &r;
  return nullptr;
}

std::string default_assessment_id(const Subject& subject, const std::string& date) {
  std::string id;
  for (unsigned char c : subject.retailer + " " + subject.site + " " + date) {
    if (std::isalnum(c)) id += static_cast<char>(std::tolower(c));
    else if (!id.empty() && id.back() != '-') id += '-';
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? "assessment" : id;
}

bool is_iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  int year = std::stoi(text.substr(0, 4));
  int month = std::stoi(text.substr(5, 2));
  int day = std::stoi(text.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int limit = days[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= limit;
}

}  // namespace cjb
