#pragma once
// Reading XLSX workbooks (libzip for the container, pugixml for the sheet XML): every worksheet
// as a Table with the row and column numbers the spreadsheet shows.

#include <string>
#include <vector>

#include "sheet/table.h"

namespace cjb::sheet {

// The file starts like a zip archive, as every .xlsx does.
bool looks_like_xlsx(const std::string& bytes);

// The worksheets of the workbook in bytes, in workbook order, named for messages as name. Shared
// strings, inline strings and rich text become their plain text (Excel's _xHHHH_ escapes
// decoded), numbers the text the file holds ("2"), booleans TRUE/FALSE. Throws InputError when
// the file is not a readable XLSX workbook, naming the part that is wrong.
std::vector<Table> read_xlsx(const std::string& bytes, const std::string& name);

}  // namespace cjb::sheet
