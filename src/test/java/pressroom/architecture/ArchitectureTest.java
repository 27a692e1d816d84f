package pressroom.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency picture of ARCHITECTURE.md, checked: the wiring layer on top, features below it,
 * infrastructure at the bottom, and no package reachable from itself.
 */
class ArchitectureTest {
  /** The wiring layer: the root package (App, Routes, Main) and the command line. */
  static final String[] TOP = {"pressroom", "pressroom.cli.."};

  static final String[] FEATURES = {
    "pressroom.accounts..",
    "pressroom.articles..",
    "pressroom.bookmarks..",
    "pressroom.comments..",
    "pressroom.demo..",
    "pressroom.feeds..",
    "pressroom.ingest..",
    "pressroom.newsroom..",
    "pressroom.pictures..",
    "pressroom.reader..",
    "pressroom.search.."
  };

  static final String[] INFRASTRUCTURE = {
    "pressroom.audit..",
    "pressroom.changes..",
    "pressroom.config..",
    "pressroom.db..",
    "pressroom.mail..",
    "pressroom.net..",
    "pressroom.text..",
    "pressroom.web.."
  };

  static final JavaClasses CODE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("pressroom");

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("pressroom.(**)").should().beFreeOfCycles().check(CODE);
  }

  @Test
  void featuresDoNotReachUpToTheWiring() {
    noClasses()
        .that()
        .resideInAnyPackage(FEATURES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(TOP)
        .check(CODE);
  }

  @Test
  void infrastructureKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(INFRASTRUCTURE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(TOP)
        .check(CODE);
  }

  @Test
  void everyPackageIsPlacedInALayer() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .should()
        .resideInAnyPackage(concat(TOP, FEATURES, INFRASTRUCTURE))
        .check(CODE);
  }

  private static String[] concat(String[]... groups) {
    return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
