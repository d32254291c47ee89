import type { AdminStrings } from './admin-types'

// French typography: a no-break space (U+00A0) inside « » and before : ; ! ?
export const adminFr: AdminStrings = {
  title: 'Commentaires',
  signIn: {
    title: 'Connexion',
    intro: 'Connectez-vous avec le jeton d’administration (ADMIN_TOKEN) pour modérer les commentaires.',
    token: 'Jeton d’administration',
    submit: 'Se connecter',
    wrongToken: 'Ce n’est pas le jeton d’administration. Vérifiez ADMIN_TOKEN et réessayez.',
  },
  signOut: 'Se déconnecter',
  queue: {
    title: 'En attente de modération',
    empty: 'Aucun commentaire en attente.',
    selected: 'Commentaires sélectionnés',
    approveSelected: 'Approuver la sélection',
    spamSelected: 'Marquer la sélection comme indésirable',
    deleteSelected: 'Supprimer la sélection',
  },
  recent: { title: 'Commentaires récents', empty: 'Aucun commentaire pour l’instant.' },
  comment: {
    select: (id, author) => `Sélectionner le commentaire ${id} de ${author}`,
    onPost: 'sur',
    inReplyTo: (id) => `en réponse au commentaire ${id}`,
    noEmail: 'pas de courriel',
    authorBadge: 'Auteur',
    status: { pending: 'En attente', approved: 'Approuvé', spam: 'Indésirable', deleted: 'Supprimé' },
    actions: (id) => `Modérer le commentaire ${id}`,
    recentActions: (id) => `Modérer le commentaire ${id} (commentaires récents)`,
    approve: 'Approuver',
    spam: 'Indésirable',
    delete: 'Supprimer',
    view: 'Voir sur le site',
    heldReason: {
      first_time: 'Retenu : premier commentaire sous ce nom et ce courriel',
      too_many_links: 'Retenu : plus de liens que comments.maxLinks n’en permet',
      held_by_policy: 'Retenu : la modération « hold » retient chaque commentaire',
      rule: 'Retenu : il correspond à une règle de contenu',
      edit_added_link: 'Retenu de nouveau : une modification après approbation a ajouté un lien',
    },
  },
  reply: {
    label: (author) => `Répondre à ${author} en tant qu’auteur`,
    submit: 'Répondre',
    submitAndApprove: 'Approuver et répondre',
    closedParent: 'On ne peut pas répondre à un commentaire indésirable ou supprimé.',
    postGone: 'Le billet de ce commentaire n’est plus publié.',
  },
  done: {
    approved: { one: '{n}\u00a0commentaire approuvé.', other: '{n}\u00a0commentaires approuvés.' },
    spam: { one: '{n}\u00a0commentaire marqué comme indésirable.', other: '{n}\u00a0commentaires marqués comme indésirables.' },
    deleted: { one: '{n}\u00a0commentaire supprimé.', other: '{n}\u00a0commentaires supprimés.' },
    replied: 'Votre réponse est publiée.',
    nothing: 'Rien n’a changé.',
  },
  missing: 'Cochez au moins un commentaire, ou rechargez la page\u00a0: ce commentaire n’existe plus.',
}
