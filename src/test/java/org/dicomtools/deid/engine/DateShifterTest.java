package org.dicomtools.deid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DateShifterTest {
    @Test
    void shiftsDaAcrossMonthYearAndLeapDay() {
        assertEquals("20240301", DateShifter.shiftDA("20240229", 1));
        assertEquals("20231231", DateShifter.shiftDA("20240101", -1));
        assertEquals("20240229", DateShifter.shiftDA("20240301", -1));
        assertEquals("19970603", DateShifter.shiftDA(" 19970609 ", -6));
    }

    @Test
    void keepsTheAcrNemaDottedForm() {
        assertEquals("1997.06.03", DateShifter.shiftDA("1997.06.09", -6));
    }

    @Test
    void shiftsRangesAndOpenRanges() {
        assertEquals("20240110-20240120", DateShifter.shiftDA("20240101-20240111", 9));
        assertEquals("-20240120", DateShifter.shiftDA("-20240111", 9));
        assertEquals("20240110-", DateShifter.shiftDA("20240101-", 9));
    }

    @Test
    void invalidDatesAreNull() {
        assertNull(DateShifter.shiftDA("20240230", 1));
        assertNull(DateShifter.shiftDA("2024013", 1));
        assertNull(DateShifter.shiftDA("-", 1));
        assertNull(DateShifter.shiftDA("YESTERDAY", 1));
    }

    @Test
    void shiftsDtKeepingTimeFractionAndZone() {
        assertEquals("20240302101112.123456+0100", DateShifter.shiftDT("20240229101112.123456+0100", 2));
        assertEquals("20240302101112-0500", DateShifter.shiftDT("20240229101112-0500", 2));
        assertEquals("20240302", DateShifter.shiftDT("20240229", 2));
        assertEquals("202403", DateShifter.shiftDT("202402", 31), "YYYYMM shifts from the first of the month");
        assertEquals("2025", DateShifter.shiftDT("2024", 366));
    }

    @Test
    void shiftsDtRangesWithZones() {
        assertEquals("20240102-0500-20240103", DateShifter.shiftDT("20240101-0500-20240102", 1));
        assertEquals("-20240103120000", DateShifter.shiftDT("-20240102120000", 1));
        assertEquals("20240102-", DateShifter.shiftDT("20240101-", 1));
    }

    @Test
    void invalidDtIsNull() {
        assertNull(DateShifter.shiftDT("20240229256000", 1), "hour 25");
        assertNull(DateShifter.shiftDT("202402291011.5", 1));
        assertNull(DateShifter.shiftDT("abc", 1));
    }

    @Test
    void reducesToTheYear() {
        assertEquals("19580101", DateShifter.yearOfDA("19580214"));
        assertEquals("1958", DateShifter.yearOfDT("19580214101010+0100"));
        assertNull(DateShifter.yearOfDA("1958"));
    }
}
