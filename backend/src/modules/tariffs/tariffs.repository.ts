import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Tariff } from './tariff.entity';

@Injectable()
export class TariffsRepository {
  constructor(private readonly ds: DataSource) {}

  find(filter: { userClass?: string; voltage?: string; pricing?: string }): Promise<Tariff[]> {
    const where = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    return this.ds
      .getRepository(Tariff)
      .find({ where, order: { effectiveFrom: 'ASC', id: 'ASC' } });
  }
}
