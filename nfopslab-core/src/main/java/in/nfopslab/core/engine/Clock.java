package in.nfopslab.core.engine;

import in.nfopslab.core.calendar.Session;

/**
 * The current second of one strategy's walk through one day, shared by its context and every bar
 * view it handed out. After the day it is expired: its now becomes -1 so every later read fails.
 */
final class Clock {
  final Session session;
  int now;
  boolean expired;

  Clock(Session session) {
    this.session = session;
  }

  void expire() {
    now = -1;
    expired = true;
  }
}
