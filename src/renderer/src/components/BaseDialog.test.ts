// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '@renderer/i18n/create-app-i18n'
import BaseDialog from './BaseDialog.vue'
import BaseField from './BaseField.vue'

describe('BaseDialog', () => {
  it('opens from its model, names itself by its title and closes from its close button', async () => {
    const open = ref(false)
    const Host = defineComponent(
      () => () =>
        h(
          BaseDialog,
          {
            open: open.value,
            'onUpdate:open': (v: boolean) => (open.value = v),
            title: 'Generate'
          },
          { default: () => h('p', 'body') }
        )
    )
    const wrapper = mount(Host, { global: { plugins: [createAppI18n()] }, attachTo: document.body })
    const dialog = wrapper.get('dialog')
    expect(dialog.attributes('open')).toBeUndefined()
    open.value = true
    await nextTick()
    await nextTick()
    expect(dialog.attributes('open')).toBeDefined()
    const titleId = dialog.attributes('aria-labelledby')!
    expect(wrapper.get(`#${titleId}`).text()).toBe('Generate')
    await wrapper.get('button[aria-label="Close"]').trigger('click')
    await nextTick()
    await nextTick()
    expect(open.value).toBe(false)
    wrapper.unmount()
  })
})

describe('BaseField', () => {
  it('ties its control to the label, the hint and the error', () => {
    const wrapper = mount(BaseField, {
      props: { label: 'Arena', hint: 'bytes', error: 'too small' },
      slots: {
        default: `<template #default="{ id, describedBy, invalid }">
          <input :id="id" :aria-describedby="describedBy" :aria-invalid="invalid" />
        </template>`
      }
    })
    const input = wrapper.get('input')
    expect(wrapper.get('label').attributes('for')).toBe(input.attributes('id'))
    const described = input.attributes('aria-describedby')!.split(' ')
    expect(described.map((id) => wrapper.get(`#${id}`).text())).toEqual(['bytes', 'too small'])
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('[role="alert"]').text()).toBe('too small')
  })
})
