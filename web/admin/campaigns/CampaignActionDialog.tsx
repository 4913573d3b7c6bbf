import { useState } from 'hono/jsx'
import type { Campaign } from '../../../shared/schemas/campaign'
import { api, call } from '../../app/api'
import type { ApiError } from '../../app/api-error'
import { useT } from '../../app/i18n'
import { Dialog } from '../../ui/Dialog'
import { asApiError } from '../../ui/use-submit'
import { OverlapAlert } from './OverlapAlert'

interface CampaignActionDialogProps {
  campaign: Campaign
  action: 'activate' | 'close'
  onDone: (c: Campaign) => void
  onClose: () => void
}

/** Asks before activating or closing a campaign; a refusal (windows already in another active campaign) is listed in full. */
export function CampaignActionDialog({ campaign, action, onDone, onClose }: CampaignActionDialogProps) {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      const param = { id: String(campaign.id) }
      const done = await call(action === 'activate' ? api.campaigns[':id'].activate.$post({ param }) : api.campaigns[':id'].close.$post({ param }))
      setBusy(false)
      onDone(done)
    } catch (e) {
      setBusy(false)
      setError(asApiError(e))
    }
  }
  const activate = action === 'activate'
  return (
    <Dialog title={activate ? t('campaignActivateNamed', { name: campaign.name }) : t('campaignCloseNamed', { name: campaign.name })} onClose={onClose} role="alertdialog">
      <div class="dialog-body">
        {error ? <OverlapAlert error={error} /> : null}
        <p class="dialog-message">{activate ? t('campaignActivateNote') : t('campaignCloseNote')}</p>
      </div>
      <footer class="dialog-footer">
        <button type="button" class="btn" onClick={() => onClose()}>
          {t('cancel')}
        </button>
        <button type="button" class={activate ? 'btn btn-primary' : 'btn btn-danger'} disabled={busy} onClick={() => void run()}>
          {busy ? t('working') : activate ? t('activate') : t('endCampaign')}
        </button>
      </footer>
    </Dialog>
  )
}
