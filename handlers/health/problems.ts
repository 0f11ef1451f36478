import { UserError } from '../../bot/errors';
import { messages } from '../../bot/messages';
import type { ReportProblem } from './grammar';

/** The reply to a report the grammar could not accept: nothing is stored. */
export function problemError(problem: ReportProblem | { kind: 'missing-name' }): UserError {
  switch (problem.kind) {
    case 'missing-temperature':
      return new UserError(messages.missingTemperature());
    case 'decimal-missing':
      return new UserError(messages.decimalMissing(problem.value, problem.suggestion));
    case 'fahrenheit':
      return new UserError(messages.fahrenheit(problem.value, problem.celsius));
    case 'out-of-range':
      return new UserError(messages.outOfRange(problem.value));
    case 'several-temperatures':
      return new UserError(messages.severalTemperatures(problem.values));
    case 'conflicting-slots':
      return new UserError(messages.conflictingSlots(problem.slots));
    case 'conflicting-codes':
      return new UserError(messages.conflictingCodes(problem.codes));
    case 'other-date':
      return new UserError(messages.otherDate(problem.date));
    case 'missing-name':
      return new UserError(messages.missingName());
  }
}
