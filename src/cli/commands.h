#pragma once
// Factories of the subcommands, one file each; the table that lists them is registry.cpp.

#include <memory>

#include "cli/command.h"

namespace cjb::cli {

std::unique_ptr<Command> make_validate();
std::unique_ptr<Command> make_init();
std::unique_ptr<Command> make_assess();
std::unique_ptr<Command> make_score();
std::unique_ptr<Command> make_actions();
std::unique_ptr<Command> make_export();
std::unique_ptr<Command> make_import();
std::unique_ptr<Command> make_diagram();
std::unique_ptr<Command> make_report();
std::unique_ptr<Command> make_compare();
std::unique_ptr<Command> make_merge();
std::unique_ptr<Command> make_agree();
std::unique_ptr<Command> make_benchmark();
std::unique_ptr<Command> make_kpi();

}  // namespace cjb::cli
