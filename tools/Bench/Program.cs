using ServerlessSync.Bench;

SpawnedProcesses.KillAllOnSignals();
return await BenchCli.RunAsync(args);
