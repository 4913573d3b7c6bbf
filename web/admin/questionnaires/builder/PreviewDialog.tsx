import { useT } from '../../../app/i18n'
import { Dialog } from '../../../ui/Dialog'

/** The citizen page of one saved version at phone width, served by the survey bundle; nothing submitted there counts. */
export function PreviewDialog({ questionnaireId, version, onClose }: { questionnaireId: number; version: number; onClose: () => void }) {
  const t = useT()
  const src = `/preview/questionnaires/${questionnaireId}/versions/${version}`
  return (
    <Dialog title={t('previewTitle', { n: version })} onClose={onClose}>
      <div class="dialog-body preview-body">
        <p class="muted preview-note">
          {t('previewNote')}{' '}
          <a href={src} target="_blank" rel="noopener">
            {t('openInNewTab')}
          </a>
        </p>
        <div class="phone-frame">
          <iframe class="preview-frame" src={src} title={t('previewTitle', { n: version })} />
        </div>
      </div>
    </Dialog>
  )
}
