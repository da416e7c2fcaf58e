package org.graphstatus.odata.options;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * A parsed {@code $filter}, as a tree that turns into a Criteria predicate. Values travel as typed Java
 * objects into the Criteria API, never as text into a query string.
 */
sealed interface Filter {

    Predicate toPredicate(CriteriaBuilder cb, Root<?> root);

    enum Operator { eq, ne, gt, ge, lt, le }

    enum Function { startswith, endswith, contains }

    record And(Filter left, Filter right) implements Filter {
        public Predicate toPredicate(CriteriaBuilder cb, Root<?> root) {
            return cb.and(left.toPredicate(cb, root), right.toPredicate(cb, root));
        }
    }

    record Or(Filter left, Filter right) implements Filter {
        public Predicate toPredicate(CriteriaBuilder cb, Root<?> root) {
            return cb.or(left.toPredicate(cb, root), right.toPredicate(cb, root));
        }
    }

    record Not(Filter operand) implements Filter {
        public Predicate toPredicate(CriteriaBuilder cb, Root<?> root) {
            return cb.not(operand.toPredicate(cb, root));
        }
    }

    /** {@code property op value}; {@code value} is null for the literal {@code null}. */
    record Comparison(QueryProperty property, Operator operator, Object value) implements Filter {
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Predicate toPredicate(CriteriaBuilder cb, Root<?> root) {
            Path path = root.get(property.attribute());
            if (value == null) {
                return operator == Operator.eq ? cb.isNull(path) : cb.isNotNull(path);
            }
            Comparable comparable = (Comparable) value;
            Predicate comparison = switch (operator) {
                case eq -> cb.equal(path, value);
                case ne -> cb.notEqual(path, value);
                case gt -> cb.greaterThan((Expression<Comparable>) path, comparable);
                case ge -> cb.greaterThanOrEqualTo((Expression<Comparable>) path, comparable);
                case lt -> cb.lessThan((Expression<Comparable>) path, comparable);
                case le -> cb.lessThanOrEqualTo((Expression<Comparable>) path, comparable);
            };
            if (!property.nullable()) {
                return comparison;
            }
            // OData compares null as a value (null ne 'x' is true, null eq 'x' false); SQL leaves it unknown,
            // which would also make "not (x eq 'a')" drop the nulls. Two-valued here, so not() is right.
            return operator == Operator.ne ? cb.or(cb.isNull(path), comparison) : cb.and(cb.isNotNull(path), comparison);
        }
    }

    /** {@code startswith(property,'text')} and its kin, as LIKE with the client's wildcards escaped. */
    record StringFunction(Function function, QueryProperty property, String text) implements Filter {
        public Predicate toPredicate(CriteriaBuilder cb, Root<?> root) {
            String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            String pattern = switch (function) {
                case startswith -> escaped + "%";
                case endswith -> "%" + escaped;
                case contains -> "%" + escaped + "%";
            };
            return cb.like(root.get(property.attribute()), pattern, '\\');
        }
    }
}
