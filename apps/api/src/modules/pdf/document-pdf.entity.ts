import { Column, Entity, Index } from 'typeorm';
import { DossierScoped, TIMESTAMP } from '../../core/entity';

/**
 * The PDF of an issued invoice or credit note, rendered once by its `pdf.render`
 * job (or the first download) and never changed (its SHA-256 is in the document's history).
 * `content` is base64 in a JSON column: LONGTEXT on MariaDB, JSON on MySQL, TEXT
 * on SQLite — no 64 KB limit, the same column type on every database.
 */
@Entity('document_pdfs')
@Index('uq_document_pdfs_document', ['dossierId', 'documentId'], { unique: true })
export class DocumentPdf extends DossierScoped {
  @Column({ type: 'varchar', length: 36 })
  documentId: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'int' })
  byteLength: number;

  @Column({ type: 'varchar', length: 120 })
  fileName: string;

  @Column({ type: 'json' })
  content: string;

  @Column(TIMESTAMP)
  createdAt: Date;
}

/** The dossier's logo (PNG or JPEG, at most 300 KB), printed on its documents. */
@Entity('dossier_logos')
@Index('uq_dossier_logos_dossier', ['dossierId'], { unique: true })
export class DossierLogo extends DossierScoped {
  @Column({ type: 'varchar', length: 20 })
  mimeType: string;

  @Column({ type: 'json' })
  content: string;

  @Column(TIMESTAMP)
  updatedAt: Date;
}
