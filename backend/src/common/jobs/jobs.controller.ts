import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  type ApiResponseSchemaHost,
} from '@nestjs/swagger';
import { ErrorBodySchema, JobViewSchema, type JobView } from '@zgd/shared-types';
import { z } from 'zod';
import { CurrentUser, Roles, type Principal } from '../../modules/auth';
import { JOB_QUEUE, type JobQueue } from './job-queue';
import { jobNotFound } from './jobs.errors';

/** The OpenAPI schema is derived from the zod schema, so the document cannot drift from it. */
const openApi = (schema: z.ZodType) =>
  z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
  }) as ApiResponseSchemaHost['schema'];

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(@Inject(JOB_QUEUE) private readonly jobs: JobQueue) {}

  @Get(':id')
  @Roles('city_admin', 'district_officer', 'district_lead', 'entity_user')
  @ApiOperation({ summary: 'Status, progress and outcome of a background job (an import, a run)' })
  @ApiParam({ name: 'id', description: 'The id returned when the job was started' })
  @ApiOkResponse({ description: 'The job', schema: openApi(JobViewSchema) })
  @ApiNotFoundResponse({
    description: 'JOB.NOT_FOUND: no job has that id',
    schema: openApi(ErrorBodySchema),
  })
  async get(@Param('id') id: string, @CurrentUser() p: Principal): Promise<JobView> {
    const job = await this.jobs.get(id);
    if (!job) throw jobNotFound();
    // A charging entity sees only the jobs of its own uploads; others do not exist for it.
    if (p.role === 'entity_user') {
      const payload = (await this.jobs.payloadOf(id)) as { onlyEntityId?: string } | null;
      if (!p.entityId || payload?.onlyEntityId !== p.entityId) throw jobNotFound();
    }
    return job;
  }
}
