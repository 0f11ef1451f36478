import { CHECK_AFTER_MINUTES, minutesOf } from '../../disinfection/plan';
import { begunRounds, roundsToday } from '../../disinfection/rounds';
import { briefMessages } from '../messages';
import type { BriefSection } from '../section';

/** Today's disinfection rounds so far (SPEC §13): areas done and missed, a round still within its 45 minutes in progress. */
export const disinfectionSection: BriefSection = {
  title: '消杀',
  async lines({ sql, services, local }) {
    const plan = services.config.disinfection;
    const now = local.hour * 60 + local.minute;
    const rounds = begunRounds(await roundsToday(sql, local.date, plan), now);
    if (rounds.length === 0) return [briefMessages.noRoundYet()];
    return rounds.map((r) =>
      briefMessages.round({
        round: r.round,
        done: r.done.length,
        of: plan.areas.length,
        missing: r.missing,
        inProgress: now < minutesOf(r.round) + CHECK_AFTER_MINUTES,
        adHoc: r.adHoc.map((a) => a.area),
      }),
    );
  },
};
