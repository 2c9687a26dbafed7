using Abm.HubSpot.Sandbox.Hosting;

return await SandboxProgram.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
