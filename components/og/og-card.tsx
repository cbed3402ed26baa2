// The 1200×630 social card rendered by next/og (Satori: inline styles, flexbox only).
export const OG_SIZE = { width: 1200, height: 630 };

export function OgCard({ eyebrow, title, description, footer, members }: { eyebrow: string; title: string; description: string; footer: string; members?: boolean }) {
  return (
    <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', background: '#f5efe6', padding: 64, color: '#1e293b' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, fontSize: 28, color: '#0f766e', fontWeight: 700 }}>
        <div style={{ width: 44, height: 44, borderRadius: 22, background: '#0f766e', display: 'flex' }} />
        <span>{eyebrow}</span>
        {members ? <span style={{ marginLeft: 16, fontSize: 22, color: 'white', background: '#b1452b', borderRadius: 999, padding: '4px 16px' }}>Members</span> : null}
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 20 }}>
        <div style={{ fontSize: title.length > 60 ? 56 : 68, fontWeight: 700, lineHeight: 1.1 }}>{title}</div>
        <div style={{ fontSize: 28, color: '#334155', lineHeight: 1.35 }}>{description.length > 160 ? `${description.slice(0, 157)}…` : description}</div>
      </div>
      <div style={{ fontSize: 24, color: '#475569', display: 'flex' }}>{footer}</div>
    </div>
  );
}
