package io.oncoaudit.api.appeals.deadline;

import java.time.LocalDate;
import java.util.List;

/**
 * The appeal clock of one claim. {@code due}/{@code route} name the nearest route still open (the
 * urgent one); {@code finalDue} the last day any route is open. {@code expired} when every route has
 * closed: such a claim is left out of the recoverable total. {@code daysLeft} counts to {@code due}
 * (0 = due today), or is negative (days since {@code finalDue}) once expired. {@code estimated} says the
 * determination date was assumed, not entered; {@code basis} says how it was obtained.
 */
public record Deadline(LocalDate due, String route, long daysLeft, boolean expired, LocalDate finalDue,
                       LocalDate determinationDate, boolean estimated, String basis, List<RouteDeadline> routes) { }
