package pressroom.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What an editor types for a section or a new article, checked field by field. */
class SectionFormTest {
  @Test
  void anEmptyAddressIsMadeFromTheName() {
    SectionForm f = SectionForm.typed("  Arts & Culture ", "", "");
    assertThat(f.valid()).isTrue();
    assertThat(f.name()).isEqualTo("Arts & Culture");
    assertThat(f.slug()).isEqualTo("arts-culture");
  }

  @Test
  void eachFieldAtFaultIsNamedAndTheTypedAddressIsKept() {
    assertThat(SectionForm.typed("", "", "").errors()).containsOnlyKeys("name");
    SectionForm bad = SectionForm.typed("Odd", "Odd Slug!", "");
    assertThat(bad.error("slug")).startsWith("Address");
    assertThat(bad.slug()).isEqualTo("Odd Slug!");
    assertThat(SectionForm.typed("x", "a--b", "").errors()).containsOnlyKeys("slug");
    assertThat(SectionForm.typed("x", "-a", "").errors()).containsOnlyKeys("slug");
    assertThat(SectionForm.typed("x", "a".repeat(61), "").errors()).containsOnlyKeys("slug");
    assertThat(SectionForm.typed("x", "", "d".repeat(501)).errors())
        .containsOnlyKeys("description");
    // A name with nothing Latin in it gives no address: the editor is asked for one.
    assertThat(SectionForm.typed("ثقافة", "", "").error("slug")).startsWith("Address");
    assertThat(SectionForm.typed("ثقافة", "thaqafa", "").valid()).isTrue();
  }

  @Test
  void anArticleNeedsAHeadlineATextAndASectionThatExists() {
    Set<String> sections = Set.of("world");
    WriteForm ok = WriteForm.typed("Head", "", "Body", " A ,B,, A ", "world", "x, y", sections);
    assertThat(ok.valid()).isTrue();
    assertThat(ok.authorNames()).containsExactly("A", "B");
    assertThat(ok.tagNames()).containsExactly("x", "y");
    assertThat(WriteForm.typed(" ", "", " ", "", "nowhere", "", sections).errors())
        .containsOnlyKeys("headline", "body", "section");
    assertThat(
            WriteForm.typed("H", "", "B", "a,b,c,d,e,f,g,h,i,j,k,l,m", "world", "", sections)
                .error("authors"))
        .startsWith("Authors");
  }
}
