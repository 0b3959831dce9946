#include "cli/command.h"

int main(int argc, char** argv) { return cjb::cli::run(argc, argv); }
