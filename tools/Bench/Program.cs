using ServerlessSync.Bench;

return await BenchCli.RunAsync(args);
