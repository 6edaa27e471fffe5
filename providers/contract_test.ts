// The contract in testing/contract.ts, run over every registered provider.
import { errorContract, responseContract, streamContract } from "../testing/contract.ts";
import { providers } from "./mod.ts";

for (const provider of Object.values(providers)) {
  const fixtures = new URL(`../fixtures/${provider.name}/`, import.meta.url);
  responseContract(provider, fixtures);
  errorContract(provider, fixtures);
  streamContract(provider, fixtures);
}
