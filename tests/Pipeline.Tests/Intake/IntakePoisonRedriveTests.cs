using static ServerlessSync.Pipeline.Tests.Intake.IntakeTestKit;

namespace ServerlessSync.Pipeline.Tests.Intake;

/// <summary>The delivery policy both hosts use and the redrive route, on Azurite with the real consumer; the Durable engine is in memory.</summary>
public sealed class IntakePoisonRedriveTests
{
    private static IntakeDeliveryPolicy Policy(StorageClients storage, IntakeOptions options) =>
        new(new IntakeQueue(storage), new AlertService(storage, [], Options.Create(new AlertOptions()), TimeProvider.System, NullLogger<AlertService>.Instance), Options.Create(options), NullLogger<IntakeDeliveryPolicy>.Instance);

    [Fact]
    public void Transient_back_off_doubles_from_the_first_delay_up_to_the_cap()
    {
        var options = new IntakeOptions { TransientRetryFirstDelaySeconds = 5, TransientRetryMaxDelaySeconds = 300 };

        Assert.Equal([5, 10, 20, 40, 80, 160, 300, 300], Enumerable.Range(1, 8).Select(t => IntakeDeliveryPolicy.BackOff(options, t).TotalSeconds));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    public void Throttling_timeouts_and_server_faults_are_transient_and_a_bad_message_is_not(int status)
    {
        Assert.True(TransientInfrastructure.IsTransient(new RequestFailedException(status, "busy")));
        Assert.True(TransientInfrastructure.IsTransient(new AggregateException(new RequestFailedException(status, "busy"), new TimeoutException())));
        Assert.True(TransientInfrastructure.IsTransient(new InvalidOperationException("wrapped by the engine", new RequestFailedException(status, "busy"))));
        Assert.False(TransientInfrastructure.IsTransient(new RequestFailedException(409, "conflict")));
        Assert.False(TransientInfrastructure.IsTransient(new FormatException("not an intake message")));
        Assert.False(TransientInfrastructure.IsTransient(new AggregateException(new RequestFailedException(status, "busy"), new FormatException("bad"))));
    }

    [Fact]
    public async Task A_poisoned_batch_alerts_and_one_redrive_puts_it_back_with_fresh_tries_so_its_orders_start()
    {
        var storage = await CoreStorage.CreateAsync();
        var options = new IntakeOptions { MaxDequeueCount = 5, MaxTransientRetries = 2, TransientRetryFirstDelaySeconds = 1, TransientRetryMaxDelaySeconds = 1 };
        var policy = Policy(storage, options);
        await Committer(storage).CommitAsync([Message("o-1", "m-1"), Message("o-2", "m-2")], CancellationToken.None);
        var batch = Assert.Single(await ReceiveAllAsync(storage));

        // The engine keeps answering 503 past the transient allowance, then the message's own tries run out.
        var text = batch;
        for (var i = 0; i < options.MaxTransientRetries; i++)
        {
            var backedOff = await policy.DeliverAsync(text, 1, (_, _) => Task.FromException<int>(new RequestFailedException(503, "busy")), CancellationToken.None);
            Assert.Equal(IntakeDeliveryOutcome.BackedOff, backedOff.Outcome);
            text = await ReceiveOneIgnoringDelayAsync(storage);
            Assert.Equal(i + 1, IntakeRetryMark.Read(text));
        }

        var poisoned = await policy.DeliverAsync(text, 5, (_, _) => Task.FromException<int>(new RequestFailedException(503, "busy")), CancellationToken.None);
        Assert.Equal(IntakeDeliveryOutcome.Poisoned, poisoned.Outcome);
        var alerts = new List<string?>();
        await foreach (var row in (await storage.TableAsync(AlertService.LogTable)).QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            alerts.Add(row.GetString("Target"));
        }

        Assert.Equal([IntakeDeliveryPolicy.AlertTarget], alerts);

        var redrive = new IntakePoisonRedrive(storage, new IntakeQueue(storage));
        Assert.Contains("\"approximateMessages\":1", (await redrive.CountAsync(CancellationToken.None)).Body);
        var (reply, change) = await redrive.RedriveAsync(CancellationToken.None);

        Assert.Equal((200, "{\"redriven\":1,\"left\":0}"), (reply.StatusCode, reply.Body));
        Assert.Equal("redriven 1 poisoned intake messages, 0 left", change);
        var back = Assert.Single(await PeekTextsAsync(storage));
        Assert.Equal(0, IntakeRetryMark.Read(back));
        var (handler, gateway) = Consumer(storage);
        await ConsumeAllAsync(storage, handler);
        Assert.Equal(["douyin:shop-1:o-1", "douyin:shop-1:o-2"], gateway.StartedOrders.Order());
    }

    /// <summary>Receives the one message on the queue, waiting out a put-back's delay.</summary>
    private static async Task<string> ReceiveOneIgnoringDelayAsync(StorageClients storage)
    {
        var queue = await storage.QueueAsync(storage.IntakeQueueName);
        var message = await Poll.ForAsync(async () => (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value.SingleOrDefault(), TimeSpan.FromSeconds(30))
            ?? throw new TimeoutException("the message put back never became visible");
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.Body.ToString();
    }
}
