import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Signatures already accepted: a replayed request is refused. Kept past the timestamp window. */
@Entity('provider_signature')
export class ProviderSignature {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  signature: string;

  @Column({ name: 'provider_id', type: 'varchar', length: 64 })
  providerId: string;

  @Column({ name: 'seen_at', type: 'datetime' })
  seenAt: Date;
}
