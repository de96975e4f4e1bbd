using static ServerlessSync.Pipeline.Tests.Intake.IntakeTestKit;

namespace ServerlessSync.Pipeline.Tests.Intake;

/// <summary>The group committer with the real writer on Azurite; <see cref="ControlledWriter"/> makes storage slow or failing on cue.</summary>
public sealed class IntakeCommitterTests
{
    [Fact]
    public async Task A_lone_push_is_written_at_once_as_one_queue_message_that_carries_its_raw_body()
    {
        var storage = await CoreStorage.CreateAsync();
        var committer = Committer(storage, new ManualClock(T0));
        var message = Message("6920000000000000001", "msg-1");

        await committer.CommitAsync([message], CancellationToken.None);

        var delivery = IntakeDelivery.Parse(Assert.Single(await PeekTextsAsync(storage)));
        var batch = Assert.IsType<IntakeBatch>(delivery.Batch);
        Assert.Equal(T0, batch.AcceptedAt);
        Assert.Equal([IntakeMessage.From(message.Event, T0)], delivery.Events);
        Assert.Equal([message.RawMessage], batch.Bodies);
        Assert.Empty(await BodyBlobsAsync(storage)); // one storage call: no claim-check blob
    }

    [Fact]
    public async Task With_bodies_kept_out_of_messages_every_batch_writes_its_bodies_blob_first()
    {
        var storage = await CoreStorage.CreateAsync();
        var committer = Committer(storage, options: new IntakeOptions { CarryBodiesInMessage = false });
        var message = Message("6920000000000000001", "msg-1");

        await committer.CommitAsync([message], CancellationToken.None);

        var text = Assert.Single(await PeekTextsAsync(storage));
        Assert.DoesNotContain("p_id", text);
        var batch = IntakeDelivery.Parse(text).Batch!;
        Assert.Null(batch.Bodies);
        Assert.Equal(message.RawMessage, await new IntakeBodyStore(storage).ReadAsync(batch.Id, 0, CancellationToken.None));
    }

    [Fact]
    public async Task A_body_too_long_for_the_message_goes_to_a_blob_and_the_bodies_around_it_still_ride_in_their_messages()
    {
        var storage = await CoreStorage.CreateAsync();
        var writer = new ControlledWriter(Writer(storage), holdFirst: true);
        var committer = Committer(storage, writer: writer);
        var first = committer.CommitAsync([Message("o-0", "m-0")], CancellationToken.None);
        await writer.FirstArrived;

        var small = Message("o-1", "m-1");
        var longBody = Message("o-2", "m-2") with { RawMessage = "{\"p_id\":\"o-2\",\"pad\":\"" + new string('x', IntakeBatch.MaxInlineBodyChars) + "\"}" };
        var after = Message("o-3", "m-3");
        var callers = new[] { small, longBody, after }.Select(m => committer.CommitAsync([m], CancellationToken.None)).ToList();
        writer.Release();
        await first;
        await Task.WhenAll(callers);

        var batches = writer.Durable.ToList();
        Assert.Equal(["m-0"], batches[0].Events.Select(e => e.MsgId));
        Assert.Equal(["m-1"], batches[1].Events.Select(e => e.MsgId));
        Assert.Equal([small.RawMessage], batches[1].Bodies);
        Assert.Equal(["m-2", "m-3"], batches[2].Events.Select(e => e.MsgId));
        Assert.Null(batches[2].Bodies);
        var bodies = new IntakeBodyStore(storage);
        Assert.Equal(longBody.RawMessage, await bodies.ReadAsync(batches[2].Id, 0, CancellationToken.None));
        Assert.Equal(after.RawMessage, await bodies.ReadAsync(batches[2].Id, 1, CancellationToken.None));
        Assert.Equal(batches[2].BodiesBlobName, Assert.Single(await BodyBlobsAsync(storage)));
    }

    [Fact]
    public async Task Concurrent_callers_share_a_few_full_batches_and_none_is_acked_before_its_batch_is_durable()
    {
        var storage = await CoreStorage.CreateAsync();
        var writer = new ControlledWriter(Writer(storage), holdFirst: true);
        var committer = Committer(storage, options: new IntakeOptions { MaxConcurrentCommits = 1 }, writer: writer);
        var first = committer.CommitAsync([Message("o-0", "m-0")], CancellationToken.None);
        await writer.FirstArrived;

        var messages = Enumerable.Range(1, 250).Select(i => Message($"o-{i}", $"m-{i}")).ToList();
        var ackedBeforeDurable = 0;
        var callers = new Task[messages.Count];
        Parallel.For(0, messages.Count, i =>
        {
            var msgId = messages[i].Event.MsgId;
            callers[i] = committer.CommitAsync([messages[i]], CancellationToken.None)
                .ContinueWith(t => { if (t.IsCompletedSuccessfully && !writer.IsDurable(msgId)) { Interlocked.Increment(ref ackedBeforeDurable); } }, TaskScheduler.Default);
        });

        Assert.False(first.IsCompleted, "the first push was acked while its batch was still being written");
        Assert.DoesNotContain(callers, c => c.IsCompleted);
        writer.Release();
        await first;
        await Task.WhenAll(callers);

        Assert.Equal(0, ackedBeforeDurable);
        var batches = writer.Durable.ToList();
        Assert.Equal([1, 100, 100, 50], batches.Select(b => b.Events.Count));
        var expected = messages.Prepend(Message("o-0", "m-0")).Select(m => m.Event.MsgId).Order().ToList();
        Assert.Equal(expected, batches.SelectMany(b => b.Events).Select(e => e.MsgId).Order().ToList());
        var queued = (await PeekTextsAsync(storage)).Select(IntakeDelivery.Parse).ToList();
        Assert.Equal(batches.Select(b => b.Id).Order(), queued.Select(d => d.Batch!.Id).Order());
        Assert.Equal(expected, queued.SelectMany(d => d.Events).Select(e => e.MsgId).Order().ToList());

        var full = queued.First(d => d.Events.Count == 100);
        for (var i = 0; i < full.Events.Count; i++)
        {
            Assert.Contains($"\"msg_id\":\"{full.Events[i].MsgId}\"", full.Batch!.Bodies![i]);
        }
    }

    [Fact]
    public async Task While_a_batch_is_being_written_a_full_message_of_waiting_events_uses_a_spare_commit_slot()
    {
        var storage = await CoreStorage.CreateAsync();
        var writer = new ControlledWriter(Writer(storage), holdFirst: true);
        var committer = Committer(storage, writer: writer);
        var first = committer.CommitAsync([Message("o-0", "m-0")], CancellationToken.None);
        await writer.FirstArrived;

        var full = Enumerable.Range(1, new IntakeOptions().MaxEventsPerMessage).Select(i => Message($"o-{i}", $"m-{i}")).ToList();
        await Task.WhenAll(full.Select(m => committer.CommitAsync([m], CancellationToken.None)));

        Assert.False(first.IsCompleted);
        Assert.Equal(full.Count, Assert.Single(writer.Durable).Events.Count);
        writer.Release();
        await first;
        Assert.Equal(2, (await PeekTextsAsync(storage)).Count);
    }

    [Fact]
    public async Task A_failed_write_fails_exactly_the_callers_whose_messages_were_in_that_batch()
    {
        var storage = await CoreStorage.CreateAsync();
        var writer = new ControlledWriter(Writer(storage), holdFirst: true) { FailBatchesWith = "m-poisoned" };
        var committer = Committer(storage, writer: writer);
        var first = committer.CommitAsync([Message("o-0", "m-0")], CancellationToken.None);
        await writer.FirstArrived;

        // These gather while the first batch is held, so they become the next batch together.
        var doomed = Enumerable.Range(1, 9).Select(i => Message($"o-{i}", $"m-{i}")).Append(Message("o-x", "m-poisoned"))
            .Select(m => committer.CommitAsync([m], CancellationToken.None)).ToList();
        writer.Release();
        await first;
        foreach (var caller in doomed)
        {
            var failure = await Assert.ThrowsAsync<RequestFailedException>(() => caller);
            Assert.Equal(503, failure.Status);
        }

        var later = Message("o-later", "m-later");
        await committer.CommitAsync([later], CancellationToken.None);

        var failed = Assert.Single(writer.Failed);
        Assert.Equal(10, failed.Events.Count);
        var queued = (await PeekTextsAsync(storage)).SelectMany(t => IntakeDelivery.Parse(t).Events).Select(e => e.MsgId).Order();
        Assert.Equal(["m-0", "m-later"], queued);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_loses_neither_its_own_events_nor_anyone_elses()
    {
        var storage = await CoreStorage.CreateAsync();
        var writer = new ControlledWriter(Writer(storage), holdFirst: true);
        var committer = Committer(storage, writer: writer);
        var first = committer.CommitAsync([Message("o-0", "m-0")], CancellationToken.None);
        await writer.FirstArrived;

        using var gaveUp = new CancellationTokenSource();
        var impatient = committer.CommitAsync([Message("o-1", "m-impatient")], gaveUp.Token);
        var patient = committer.CommitAsync([Message("o-2", "m-patient")], CancellationToken.None);
        await gaveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        writer.Release();
        await first;
        await patient;

        var queued = (await PeekTextsAsync(storage)).SelectMany(t => IntakeDelivery.Parse(t).Events).Select(e => e.MsgId).Order();
        Assert.Equal(["m-0", "m-impatient", "m-patient"], queued);
    }

    [Fact]
    public async Task A_flood_of_long_envelopes_is_cut_into_messages_that_stay_under_the_64_KiB_queue_limit()
    {
        var storage = await CoreStorage.CreateAsync();
        var writer = new ControlledWriter(Writer(storage), holdFirst: true);
        var committer = Committer(storage, writer: writer);
        var first = committer.CommitAsync([Message("o-0", "m-0")], CancellationToken.None);
        await writer.FirstArrived;

        // WeChat-sized ids are short; these ~1.6 KB envelopes make size, not the event count, cut the batches.
        var flood = Enumerable.Range(1, 100).Select(i => Message($"o-{i}-" + new string('9', 300), $"m-{i}-" + new string('x', 1200))).ToList();
        var callers = flood.Select(m => committer.CommitAsync([m], CancellationToken.None)).ToList();
        writer.Release();
        await first;
        await Task.WhenAll(callers);

        var raw = new QueueClient(Azurite.ConnectionString, storage.IntakeQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var wire = (await raw.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
        Assert.True(wire.Count >= 4, $"100 envelopes of ~1.6 KB need at least 4 messages, got {wire.Count}");
        Assert.All(wire, w => Assert.True(w.Length <= 64 * 1024, $"a queue message of {w.Length} bytes exceeds 64 KiB"));
        var events = wire.SelectMany(w => IntakeDelivery.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(w))).Events).Select(e => e.MsgId).Order();
        Assert.Equal(flood.Select(m => m.Event.MsgId).Append("m-0").Order(), events);
    }

    [Fact]
    public async Task An_envelope_too_big_for_any_queue_message_is_refused_and_nothing_of_that_call_is_written()
    {
        var storage = await CoreStorage.CreateAsync();
        var committer = Committer(storage);
        var fine = Message("o-1", "m-1");
        var huge = Message("o-2", new string('x', IntakeBatch.MaxEnvelopeBytes));

        Assert.Throws<EnvelopeTooLargeException>(() => { _ = committer.CommitAsync([fine, huge], CancellationToken.None); });

        Assert.Empty(await PeekTextsAsync(storage));
    }
}
