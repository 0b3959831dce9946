# The Debian package (cpack -G DEB, run in the build folder; scripts/package-test tries it in a
# fresh Debian 12 root). Everything `cmake --install` puts under the prefix goes in, at /usr:
# the binary, the data (model and XSDs, checklists, profiles, report templates, JSON Schemas)
# in /usr/share/cjb, man pages, bash and zsh completion, docs and examples in
# /usr/share/doc/cjb. Dependencies are computed from the binary by dpkg-shlibdeps.

install(DIRECTORY ${PROJECT_SOURCE_DIR}/schemas DESTINATION ${CJB_INSTALL_DATA_DIR})
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md" PATTERN man EXCLUDE)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME cjb)
set(CPACK_PACKAGE_VENDOR "the cjb authors")
set(CPACK_PACKAGE_CONTACT "cjb maintainers <cjb@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "customer journey benchmark: audit, score and report retail customer service")
set(CPACK_PACKAGE_DESCRIPTION
  "cjb benchmarks retail customer service with a three-layer model (Leadership, Enablers, Customer Journey) written as XML checklists: consultants audit stores and web shops with it, retailers assess themselves with a guided command line, and reviewers read the PDF, HTML and SVG gap reports, journey diagrams and benchmarks it writes. JSON outputs come with JSON Schemas in /usr/share/cjb/schemas.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not found by shlibdeps: the fonts the PDF reports and diagrams are set in.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
