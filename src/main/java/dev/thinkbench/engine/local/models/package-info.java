/**
 * The built-in engine's model manager: the download catalog ({@link dev.thinkbench.engine.local.models.ModelCatalogFile}),
 * safe resumable downloads ({@link dev.thinkbench.engine.local.models.ModelDownloader}), the models folder
 * ({@link dev.thinkbench.engine.local.models.ModelStore}), models Ollama and LM Studio already downloaded
 * ({@link dev.thinkbench.engine.local.models.ExternalModels}) and the memory warning
 * ({@link dev.thinkbench.engine.local.models.MemoryCheck}). Everything blocks; call it off the UI thread.
 */
package dev.thinkbench.engine.local.models;
