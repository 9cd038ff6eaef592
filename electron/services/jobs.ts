import { randomUUID } from 'node:crypto';
import { KansliError } from '../../shared/contract/errors';
import type { GeneratedFile } from '../../shared/contract/schemas/arendeblad';
import type { PacketJob } from '../../shared/contract/schemas/meetings';

/**
 * Long work (a board packet of thirty ärenden) runs after the call that starts it has
 * answered; the screen asks for its progress until it is done. A finished job is kept
 * for ten minutes, so its file can be fetched once more.
 */

const KEEP_MS = 10 * 60 * 1000;
const jobs = new Map<string, PacketJob & { finishedAt: number | null }>();

function sweep(): void {
  const now = Date.now();
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) jobs.delete(id);
}

export function startJob(total: number, run: (progress: (done: number, step: string) => void) => Promise<GeneratedFile>): PacketJob {
  sweep();
  const jobId = randomUUID();
  const job: PacketJob & { finishedAt: number | null } = { jobId, state: 'running', step: 'Börjar', done: 0, total, file: null, error: null, finishedAt: null };
  jobs.set(jobId, job);
  // Let the starting call answer first.
  setImmediate(() => {
    run((done, step) => {
      job.done = done;
      job.step = step;
    })
      .then((file) => Object.assign(job, { state: 'done', step: 'Klart', done: total, file, finishedAt: Date.now() }))
      .catch((err: unknown) => {
        const message = err instanceof KansliError ? err.message : 'Utskicket kunde inte skapas. Inget har sparats.';
        if (!(err instanceof KansliError)) console.error('[kansli] a job failed:', err);
        Object.assign(job, { state: 'failed', error: message, finishedAt: Date.now() });
      });
  });
  return view(job);
}

function view(job: PacketJob): PacketJob {
  return { jobId: job.jobId, state: job.state, step: job.step, done: job.done, total: job.total, file: job.file, error: job.error };
}

export function jobStatus(jobId: string): PacketJob {
  const job = jobs.get(jobId);
  if (!job) throw new KansliError('NOT_FOUND', 'Jobbet finns inte längre. Starta det igen.');
  return view(job);
}
