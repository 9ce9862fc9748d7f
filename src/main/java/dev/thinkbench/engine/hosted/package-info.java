/**
 * The hosted reasoning APIs, one package each ({@code anthropic}, {@code openai} for the Responses API,
 * {@code gemini}, {@code deepseek}), every one a {@link dev.thinkbench.engine.stream.ChatEngine} over the one HTTP
 * stack ({@link dev.thinkbench.engine.http}) with its own budget knob. What they share lives here: the table of what
 * each model takes ({@link dev.thinkbench.engine.hosted.HostedModels}, from {@code assets/hosted-models.json}), the
 * check of a budget against it before anything is sent ({@link dev.thinkbench.engine.hosted.ModelKnobs}), the
 * explanation of a provider's 400 that rejects a budget ({@link dev.thinkbench.engine.hosted.BudgetRejection}), and
 * the opening of a keyed server ({@link dev.thinkbench.engine.hosted.HostedServers}).
 */
package dev.thinkbench.engine.hosted;
