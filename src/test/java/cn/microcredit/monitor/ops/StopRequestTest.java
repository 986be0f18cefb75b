package cn.microcredit.monitor.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run reported as stopped has never published; a stop that comes while it publishes lets it complete. */
class StopRequestTest {

    @AfterEach
    void forget() {
        StopRequest.clear();
    }

    @Test
    void aStopAskedForBeforePublicationKeepsTheRunFromPublishing() {
        assertThat(StopRequest.forbidPublishing()).isTrue();

        assertThatThrownBy(StopRequest::beginPublishing).isInstanceOf(StopRequest.RunStoppedException.class);
    }

    @Test
    void aStopAskedForOncePublicationHasBegunIsRefused() {
        StopRequest.beginPublishing();

        assertThat(StopRequest.forbidPublishing()).isFalse();
        assertThatCode(StopRequest::check).doesNotThrowAnyException();
    }

    @Test
    void loopsNoticeTheRequestOnlyOnceTheStopIsRecorded() {
        StopRequest.forbidPublishing();
        assertThatCode(StopRequest::check).doesNotThrowAnyException();

        StopRequest.request();

        assertThatThrownBy(StopRequest::check).isInstanceOf(StopRequest.RunStoppedException.class);
    }
}
