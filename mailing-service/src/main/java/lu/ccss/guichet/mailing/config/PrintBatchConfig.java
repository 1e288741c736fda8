package lu.ccss.guichet.mailing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How print batches are made ({@code guichet.print-batch.*}). */
@ConfigMapping(prefix = "guichet.print-batch")
public interface PrintBatchConfig {

    /** Most letters one print batch gathers; the rest wait for the next batch. */
    @WithDefault("1000")
    int maxLetters();
}
