package dev.sourcebook.check;

import dev.sourcebook.diag.Diagnostic;
import dev.sourcebook.diag.Located;
import dev.sourcebook.diag.Origin;
import dev.sourcebook.model.Actor;
import dev.sourcebook.model.Article;
import dev.sourcebook.model.DatasetInfo;
import dev.sourcebook.model.Ids;
import dev.sourcebook.model.Incident;
import dev.sourcebook.model.Outcome;
import dev.sourcebook.model.Statement;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Every record, and the dataset's name and version, against the Bean Validation constraints
 * declared on the model; each violation is reported at the value it is about.
 *
 * <p>Starting Hibernate Validator takes about a third of a second: make one and keep it (a caller
 * may make it on a thread of its own while it reads its input).
 */
@RuleInfo(
    codes = {"E-MISSING-FIELD", "E-BLANK", "E-FORMAT", "E-ID-FORMAT", "E-EMPTY-LIST", "E-INVALID"},
    summary =
        "every value has the type, form and size the model declares (ids are slugs; the "
        + "dataset's name a slug of at most 100 characters, its version semver)")
public final class ConstraintRule implements RecordRule {
  /**
   * Hibernate Validator announces its version at INFO on first use; a library that validates
   * data should not print that into its callers' output. Held here: JUL keeps loggers weakly.
   */
  private static final java.util.logging.Logger VERSION_BANNER = quiet("org.hibernate.validator.internal.util.Version");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private final Validator validator;

  public ConstraintRule() {
    // The parameter interpolator needs no expression language and gives the same English text
    // whatever the machine's locale.
    ValidatorFactory factory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator(Set.of(Locale.ROOT), Locale.ROOT, false))
            .buildValidatorFactory();
    validator = factory.getValidator();
    // Reading each record type's constraints here, where the caller may run it off the critical
    // path, spares the first validation that work.
    for (Class<?> type : List.of(Article.class, Actor.class, Incident.class, Statement.class, Outcome.class, DatasetInfo.class)) {
      validator.getConstraintsForClass(type);
    }
  }

  @Override
  public void check(Located<?> r, Records records, List<Diagnostic> out) {
    if (r.value() == null) {
      out.add(Diagnostic.error(r.origin().location(), "E-MISSING-FIELD", "the record is missing"));
      return;
    }
    for (ConstraintViolation<?> v : validator.validate(r.value())) {
      String path = path(v.getPropertyPath());
      out.add(Diagnostic.error(r.origin().at(path), code(v, path), "'" + Origin.key(path) + "' " + v.getMessage()));
    }
  }

  /** {@code evidence[1].quote}, as the origin of a record keys its values. */
  static String path(Path p) {
    StringBuilder s = new StringBuilder();
    for (Path.Node n : p) {
      if (n.isInIterable()) s.append('[').append(n.getIndex()).append(']');
      String name = n.getName();
      if (name != null && !name.startsWith("<")) {
        if (s.length() > 0) s.append('.');
        s.append(name);
      }
    }
    return s.toString();
  }

  private static String code(ConstraintViolation<?> v, String path) {
    String kind = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    // A value that is not there is missing, whatever else it should have been (blank, a list).
    if (v.getInvalidValue() == null) return "E-MISSING-FIELD";
    return switch (kind) {
      // An id, or a reference to one: the pattern says which, not the field's name.
      case "Pattern" -> Ids.PATTERN.equals(v.getConstraintDescriptor().getAttributes().get("regexp")) ? "E-ID-FORMAT" : "E-FORMAT";
      case "NotBlank" -> "E-BLANK";
      case "NotEmpty" -> "E-EMPTY-LIST";
      case "NotNull" -> "E-MISSING-FIELD";
      default -> "E-INVALID";
    };
  }
}
