import { errorContract, responseContract, streamContract } from "/work/wt/bedrock/testing/contract.ts";
import { bedrock } from "/work/wt/bedrock/providers/bedrock/mod.ts";
const fixtures = new URL(`../fixtures/bedrock/`, "file:///work/wt/bedrock/providers/");
responseContract(bedrock, fixtures);
errorContract(bedrock, fixtures);
streamContract(bedrock, fixtures);
