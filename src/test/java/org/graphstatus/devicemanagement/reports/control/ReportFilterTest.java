package org.graphstatus.devicemanagement.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.And;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.Comparison;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.Operator;
import org.graphstatus.devicemanagement.reports.control.ReportFilter.Or;
import org.graphstatus.odata.GraphException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The report filters real clients send, and what a malformed one is told. */
class ReportFilterTest {

    @Test
    void patchMyPcsFilterIsAnOrOfStatesAndTheApp() {
        ReportFilter filter = ReportFilter.parse("((InstallState eq '1') or (InstallState eq '2')) and (ApplicationId eq 'a')");

        assertEquals(new And(List.of(
                new Or(List.of(new Comparison("InstallState", Operator.eq, "1"), new Comparison("InstallState", Operator.eq, "2"))),
                new Comparison("ApplicationId", Operator.eq, "a"))), filter);
    }

    @Test
    void andBindsTighterThanOrAndOperatorsIgnoreCase() {
        ReportFilter filter = ReportFilter.parse("A eq '1' or B GT '2' and C le 'it''s'");

        assertEquals(new Or(List.of(new Comparison("A", Operator.eq, "1"),
                new And(List.of(new Comparison("B", Operator.gt, "2"), new Comparison("C", Operator.le, "it's"))))), filter);
        assertEquals(3, filter.comparisons().size());
    }

    @Test
    void anEmptyFilterIsNone() {
        assertNull(ReportFilter.parse(""));
        assertNull(ReportFilter.parse("  "));
        assertNull(ReportFilter.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(ApplicationId eq 'a'", "ApplicationId eq a", "ApplicationId is 'a'", "(FailedDeviceCount gt 0)",
        "A eq '1' and", "A eq '1')", "eq '1'", "A eq '1' ; drop"})
    void aMalformedFilterIsA400SayingWhere(String text) {
        GraphException refused = assertThrows(GraphException.class, () -> ReportFilter.parse(text));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith("Invalid filter: '" + text + "'"), refused.getMessage());
    }
}
