// An advisor backed by a chat model: prompts from the view, tolerant answers, retries with backoff.
package dev.colt.advisor.llm;

import dev.colt.search.Advisor;
import dev.colt.search.AdvisorException;
import dev.colt.search.AdvisorProfile;
import dev.colt.search.AdvisorView;
import dev.colt.search.Proposal;
import dev.colt.search.Usage;
import java.util.List;

/**
 * Asks a chat model for a joint action. One call makes up to {@code 1 + retries} attempts: a
 * retriable transport failure (timeout, HTTP 429/5xx, connection) is retried after a backoff that
 * starts at {@code backoffMillis} and doubles, or after the server's Retry-After when that is
 * longer (at most two minutes); a malformed answer or an action not on the menu is
 * retried at once with the reason appended to the prompt. Every attempt's tokens, money and time
 * are summed into the proposal's (or the failure's) {@link Usage}, with the retried attempts as
 * {@code failedAttempts}. A non-retriable failure (bad key, unknown model, replay miss) ends the
 * call. The next advisor is passed on as the answer named it (near misses corrected); the search
 * falls back when it is unknown. The profile's cost per call is the price of a full-budget prompt
 * with a 200-token answer.
 */
public final class ChatAdvisor<P, A> implements Advisor<P, A> {
  /** Waits between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = Thread::sleep;
    Sleeper NONE = millis -> { };

    void sleep(long millis) throws InterruptedException;
  }

  private static final long MAX_BACKOFF_MILLIS = 30_000;
  /** The longest Retry-After honoured; a server asking for more gets this long. */
  static final long MAX_RETRY_AFTER_MILLIS = 120_000;
  private final ModelSpec spec;
  private final AdvisorProfile profile;
  private final ChatChannel channel;
  private final PromptBuilder prompts;
  private final Sleeper sleeper;

  public ChatAdvisor(ModelSpec spec, ChatChannel channel, PromptBuilder prompts,
      Sleeper sleeper) {
    this.spec = spec;
    this.profile = new AdvisorProfile(spec.name(), spec.sizeParams(),
        spec.price(spec.promptTokens(), 200));
    this.channel = channel;
    this.prompts = prompts;
    this.sleeper = sleeper;
  }

  @Override
  public AdvisorProfile profile() {
    return profile;
  }

  public ModelSpec spec() {
    return spec;
  }

  @Override
  public Proposal propose(AdvisorView<P, A> view) throws AdvisorException {
    ChatChannel.Prompt first = prompts.build(view);
    ChatChannel.Prompt prompt = first;
    List<String> names = view.advisors().stream().map(s -> s.name()).toList();
    Usage spent = Usage.NONE;
    int failed = 0;
    String reason = "no attempt";
    for (int attempt = 0; attempt <= spec.retries(); attempt++) {
      ChatChannel.Reply reply;
      try {
        reply = channel.exchange(prompt);
      } catch (ChatFailure f) {
        spent = spent.plus(new Usage(0, 0, 0, f.latencyMillis()));
        reason = f.getMessage();
        if (!f.retriable() || attempt == spec.retries()) {
          break;
        }
        failed++;
        backoff(failed, f.retryAfterMillis(), spent);
        continue;
      }
      spent = spent.plus(new Usage(reply.tokensIn(), reply.tokensOut(),
          spec.price(reply.tokensIn(), reply.tokensOut()), reply.latencyMillis()));
      try {
        AnswerParser.Answer answer = AnswerParser.parse(reply.text(), view.menuText(), names);
        return new Proposal(answer.actions(), answer.next(), spent.withFailedAttempts(failed),
            reply.text());
      } catch (AnswerParser.Rejected r) {
        reason = "unusable answer: " + r.getMessage();
        if (attempt < spec.retries()) {
          failed++;
          prompt = prompts.retry(first, r.getMessage());
        }
      }
    }
    throw new AdvisorException(spec.name() + ": " + reason + " (after " + (failed + 1)
        + " attempt" + (failed == 0 ? "" : "s") + ")", spent.withFailedAttempts(failed), null);
  }

  /**
   * Waits before retry number {@code retry}: the doubling backoff, or longer when the server asked
   * for a longer wait ({@code retryAfterMillis} >= 0), at most {@link #MAX_RETRY_AFTER_MILLIS}.
   */
  private void backoff(int retry, long retryAfterMillis, Usage spent) throws AdvisorException {
    long millis = Math.max(Math.min(MAX_BACKOFF_MILLIS,
        spec.backoffMillis() << Math.min(20, retry - 1)),
        Math.min(MAX_RETRY_AFTER_MILLIS, retryAfterMillis));
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AdvisorException(spec.name() + ": interrupted", spent, e);
    }
  }
}
