import { memoryMessages, memoryPeers } from './memory';
import { describeMessageRepositoryContract, describePeerRepositoryContract } from './ports.contract';

describeMessageRepositoryContract('memory', async () => memoryMessages());
describePeerRepositoryContract('memory', async () => memoryPeers());
