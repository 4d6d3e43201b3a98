import type { ComponentProps } from "react";
import { buttonStyles, type TSize, type TVariant } from "@/components/ui/button-styles";

/**
 * A native `<button>` styled by `buttonStyles`. It is `type="button"` unless told otherwise: a submit button
 * says `type="submit"`, so a button dropped into a form never submits it by accident. Every other native
 * prop (handlers, `disabled`, `aria-*`, `data-*`, `form`, `ref`) goes to the element.
 */
export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: TVariant; size?: TSize }) {
  return <button type={type} className={buttonStyles({ variant, size, className })} {...props} />;
}
