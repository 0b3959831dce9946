#pragma once
// Readers and writers of cjb's XML file kinds. Parsers take the text and a name for messages
// (I/O stays at the edge); they check structure as the XSDs in model/ do and throw InputError
// with every problem found. Meaning checks across files are in core/checks.h.

#include <string>
#include <string_view>

#include "core/catalog.h"
#include "xml/source.h"

namespace cjb::xml {

enum class FileKind { Model, Checklist, Profile, Assessment };
const char* to_string(FileKind kind);

// Kind of an XML text by its root element. Throws InputError for an unknown root.
FileKind detect_kind(const Source& source);

Model parse_model(const Source& source);
Checklist parse_checklist(const Source& source);
Profile parse_profile(const Source& source);
Assessment parse_assessment(const Source& source);

// Convenience: parse text named name.
Model parse_model(std::string text, std::string name);
Checklist parse_checklist(std::string text, std::string name);
Profile parse_profile(std::string text, std::string name);
Assessment parse_assessment(std::string text, std::string name);

// Reads and parses a file.
Assessment load_assessment(const std::string& path);

// The assessment as XML text: stable element order, every response, note and evidence kept.
std::string write_assessment(const Assessment& assessment);

}  // namespace cjb::xml
