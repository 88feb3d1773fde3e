import type Database from 'better-sqlite3';
import type { RequestEstimate } from '../../../shared/chat-options';
import type { Message, Usage } from '../../../shared/domain';
import type { EmitEvent } from '../chat/chat-service';
import { encodingOf } from '../../../shared/model-catalogue';
import { BUDGET_WARNING_SHARE, localDay, type BudgetStatus, type Budgets, type UsageRange, type UsageSummary } from '../../../shared/usage';
import type { SettingsRepository } from '../../db/settings-repository';
import { createUsageRepository } from '../../db/usage-repository';
import { AppError } from '../app-error';
import { createTokenCounter } from '../chat/token-counter';
import { createPriceBook } from './price-book';
import { usageCsv } from './usage-csv';
import { usageFigures } from './usage-figures';

const budgetsKey = 'usage.budgets';
const noBudgets: Budgets = { dailyUsd: null, monthlyUsd: null };

/** What a request's end tells the meter. */
export interface FinishedRequest {
  conversationId: string | null;
  messageId: string | null;
  providerId: string | null;
  model: string;
  /** When the request started. */
  at: number;
  status: string;
  errorCode: string | null;
  usage: Usage | null;
  ttftMs: number | null;
  totalMs: number | null;
}

export interface UsageServiceDeps {
  db: Database.Database;
  settings: SettingsRepository;
  /** A provider's name from its id; the id itself when the provider is gone. */
  providerName(id: string | null): string;
  /** For tests: the moment "today" is taken from. */
  now?: () => number;
}

/** Cents, or the tenths of a cent a small budget was set in ($0.025 stays $0.025). */
const money = (usd: number) => `$${usd < 10 ? usd.toFixed(4).replace(/0{1,2}$/, '') : usd.toFixed(2)}`;

/**
 * Costs are sums of products of floating-point prices: $0.02 spent against
 * 80 % of $0.025 must count as reached, though 0.025 * 0.8 is 0.020000000000000004.
 */
const reached = (spent: number, mark: number) => spent >= mark - 1e-9;

/**
 * Tokens, cost, budgets and the dashboard's figures. The chat service asks it
 * for an answer's usage (the provider's report, or a count when there is
 * none) and records every request's end; chat:send asks it whether the
 * budget allows another request.
 */
export function createUsageService(deps: UsageServiceDeps) {
  const repo = createUsageRepository(deps.db);
  const prices = createPriceBook(deps.settings);
  // Its own counter: the encodings' tables are modules, loaded once for the process whoever asks.
  const counter = createTokenCounter({ maxRemembered: 100 });
  const now = deps.now ?? Date.now;

  function budgets(): Budgets {
    return deps.settings.get<Budgets>(budgetsKey) ?? noBudgets;
  }

  function status(): BudgetStatus {
    const today = localDay(now());
    const spentTodayUsd = repo.spent(today, today);
    const spentThisMonthUsd = repo.spent(`${today.slice(0, 8)}01`, today);
    const b = budgets();
    const levelOf = (spent: number, budget: number | null) => (budget === null ? 0 : reached(spent, budget) ? 2 : reached(spent, budget * BUDGET_WARNING_SHARE) ? 1 : 0);
    const day = levelOf(spentTodayUsd, b.dailyUsd);
    const month = levelOf(spentThisMonthUsd, b.monthlyUsd);
    const level = Math.max(day, month);
    return {
      budgets: b,
      spentTodayUsd,
      spentThisMonthUsd,
      level: (['ok', 'warning', 'exceeded'] as const)[level]!,
      period: level === 0 ? null : day >= month ? 'day' : 'month',
    };
  }

  /** Stores one request's end; never throws (a full disk must not turn a finished answer into a failure). */
  function record(r: FinishedRequest): void {
    const usage = r.usage ?? { promptTokens: 0, completionTokens: 0 };
    const cost = prices.costOf(r.model, usage.promptTokens, usage.completionTokens);
    try {
      repo.insert({
        messageId: r.messageId,
        conversationId: r.conversationId,
        providerId: r.providerId,
        model: r.model,
        at: r.at,
        day: localDay(r.at),
        status: r.status,
        errorCode: r.errorCode,
        promptTokens: usage.promptTokens,
        completionTokens: usage.completionTokens,
        estimated: usage.estimated === true,
        // Nothing sent, nothing billed, whether or not the model has a price.
        costUsd: usage.promptTokens + usage.completionTokens === 0 ? 0 : cost,
        ttftMs: r.ttftMs,
        totalMs: r.totalMs,
      });
    } catch {
      // The answer itself is stored (or reported unsaved) by the chat service; a missing usage row only under-counts.
    }
  }

  return {
    prices,
    status,
    budgets,
    setBudgets(next: Budgets): Budgets {
      deps.settings.set(budgetsKey, next);
      return next;
    },

    /**
     * Throws BUDGET_EXCEEDED once today's or this month's spending reached its
     * budget, unless the person chose to send this one request anyway.
     */
    guard(overrideBudget: boolean | undefined): void {
      const s = status();
      if (s.level !== 'exceeded' || overrideBudget === true) return;
      const [what, budget, spent, until] =
        s.period === 'day' ? ['Today’s budget', s.budgets.dailyUsd!, s.spentTodayUsd, 'tomorrow'] : ['This month’s budget', s.budgets.monthlyUsd!, s.spentThisMonthUsd, 'next month'];
      throw new AppError('BUDGET_EXCEEDED', `${what} of ${money(budget)} is spent (${money(spent)} so far), so Parley stopped sending until ${until}. Raise the budget under Usage in the main window, or press Send anyway to send this one message.`);
    },

    /** The composer's estimate at the person's prices. */
    reprice(estimate: RequestEstimate): RequestEstimate {
      return { ...estimate, estimatedCostUsd: prices.costOf(estimate.model, estimate.promptTokens, 0) };
    },

    /**
     * The tokens of an answer: the provider's usage report when it sent one;
     * otherwise counted here (the prompt as it was fitted, the answer's text)
     * and marked estimated. A request refused before any text is not billed.
     */
    async measure(a: { model: string; usage: Usage | null; promptTokens: number; content: string; status: string }): Promise<Usage | null> {
      if (a.usage) return a.usage;
      if (a.status === 'error' && a.content === '') return null;
      const encoding = encodingOf(a.model);
      await counter.load(encoding).catch(() => undefined);
      return { promptTokens: a.promptTokens, completionTokens: a.content === '' ? 0 : counter.count(encoding, a.content), estimated: true };
    },

    costOf(model: string, usage: Usage | null): number | null {
      return usage ? prices.costOf(model, usage.promptTokens, usage.completionTokens) : null;
    },

    record,

    /**
     * An emit for services that stream answers without the chat service
     * (explaining a dropped file): each answer's end (chat:done) is recorded
     * from the stored message, then passed on.
     */
    recordingAnswers(emit: EmitEvent, providerOf: (conversationId: string) => string | null): EmitEvent {
      return (event, payload) => {
        if (event === 'chat:done') {
          const { conversationId, message } = payload as { conversationId: string; message: Message };
          if (message.role === 'assistant' && message.status !== 'streaming' && message.model) {
            record({ conversationId, messageId: message.id, providerId: providerOf(conversationId), model: message.model, at: message.createdAt, status: message.status, errorCode: message.error?.code ?? null, usage: message.usage, ttftMs: message.ttftMs, totalMs: message.totalMs });
          }
        }
        emit(event, payload);
      };
    },

    summary(range: UsageRange): UsageSummary {
      return { ...usageFigures(range, repo.between(range.from, range.to), deps), budget: status() };
    },

    exportCsv(range: UsageRange): { fileName: string; mimeType: string; content: string } {
      return {
        fileName: `Parley usage ${range.from} to ${range.to}.csv`,
        mimeType: 'text/csv',
        content: usageCsv(repo.between(range.from, range.to), deps.providerName),
      };
    },
  };
}

export type UsageService = ReturnType<typeof createUsageService>;
