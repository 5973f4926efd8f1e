package io.oncoaudit.api.appeals.deadline;

import java.time.LocalDate;

/** One route's last day for one claim, and whether it is still open on the day asked. */
public record RouteDeadline(String route, LocalDate due, boolean open, String rule, String authority) { }
