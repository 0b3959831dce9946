// Reading then writing an assessment keeps every response, note and evidence text.

#include <gtest/gtest.h>

#include "support.h"
#include "xml/files.h"

namespace cjb::xml {
namespace {

void expect_same(const Assessment& a, const Assessment& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.subject.retailer, b.subject.retailer);
  EXPECT_EQ(a.subject.site, b.subject.site);
  EXPECT_EQ(a.subject.site_id, b.subject.site_id);
  EXPECT_EQ(a.subject.sector, b.subject.sector);
  EXPECT_EQ(a.subject.region, b.subject.region);
  EXPECT_EQ(a.subject.format, b.subject.format);
  EXPECT_EQ(a.subject.tags, b.subject.tags);
  EXPECT_EQ(a.meta.assessor, b.meta.assessor);
  EXPECT_EQ(a.meta.date, b.meta.date);
  EXPECT_EQ(a.meta.method, b.meta.method);
  EXPECT_EQ(a.scope.model, b.scope.model);
  EXPECT_EQ(a.scope.profile, b.scope.profile);
  EXPECT_EQ(a.scope.checklists, b.scope.checklists);
  EXPECT_EQ(a.scope.channels, b.scope.channels);
  ASSERT_EQ(a.responses.size(), b.responses.size());
  for (size_t i = 0; i < a.responses.size(); ++i) {
    const Response& x = a.responses[i];
    const Response& y = b.responses[i];
    EXPECT_EQ(x.item, y.item) << i;
    EXPECT_EQ(x.level, y.level) << x.item;
    EXPECT_EQ(x.na, y.na) << x.item;
    EXPECT_EQ(x.note, y.note) << x.item;
    EXPECT_EQ(x.evidence, y.evidence) << x.item;
  }
}

TEST(AssessmentRoundTrip, MiniAssessmentKeepsEverything) {
  std::string path = test::source_path("tests/data/mini-assessment.xml");
  Assessment first = load_assessment(path);
  std::string written = write_assessment(first);
  Assessment second = parse_assessment(written, "written.xml");
  expect_same(first, second);
  // Writing is stable: the second generation is byte-identical to the first.
  EXPECT_EQ(write_assessment(second), written);
}

TEST(AssessmentRoundTrip, NotesAndEvidenceWithMarkupLineBreaksAndUnicode) {
  const std::string text = R"(<?xml version="1.0" encoding="UTF-8"?>
<assessment id="rt">
  <subject retailer="Café &quot;Noir&quot; &amp; Fils" site="Rue de l'Église" site-id="cn-01" sector="food" region="Île-de-France" format="independent">
    <tag>café</tag>
    <tag>two words</tag>
  </subject>
  <meta assessor="Zoë O'Neil" date="2024-02-29" method="mystery-shop"/>
  <scope model="cjb-retail" channels="physical online">
    <checklist ref="leadership"/>
    <checklist ref="journey-physical"/>
  </scope>
  <responses>
    <response item="J-RES-P-01" level="3">
      <note>First line: the sign said "open" &amp; the door was locked.
Second line keeps its   inner spacing — and a dash.</note>
      <evidence>Photo IMG_0412.jpg; receipt #3391 &lt;attached&gt;</evidence>
    </response>
    <response item="L-VIS-01" na="true"><note>Owner abroad; not asked.</note></response>
    <response item="L-VIS-02" level="0"><evidence><![CDATA[<b>not</b> markup]]></evidence></response>
    <response item="J-WEL-P-01" level="4"/>
  </responses>
</assessment>
)";
  Assessment first = parse_assessment(text, "rt.xml");
  ASSERT_EQ(first.responses.size(), 4u);
  EXPECT_EQ(first.responses[0].note,
            "First line: the sign said \"open\" & the door was locked.\nSecond line keeps its   inner spacing — and a dash.");
  EXPECT_EQ(first.responses[2].evidence, "<b>not</b> markup");
  Assessment second = parse_assessment(write_assessment(first), "written.xml");
  expect_same(first, second);
}

}  // namespace
}  // namespace cjb::xml
